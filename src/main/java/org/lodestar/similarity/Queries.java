package org.lodestar.similarity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.lodestar.util.ClasspathFolder;

/** The package's SPARQL files under {@code queries/}, parsed once. */
final class Queries {
    private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

    private Queries() {}

    static Query get(String name) {
        return PARSED.computeIfAbsent(name, n -> QueryFactory.create(ClasspathFolder.read("queries/" + n + ".rq")));
    }
}
