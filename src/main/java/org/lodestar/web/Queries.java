package org.lodestar.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.lodestar.util.ClasspathFolder;

/**
 * The SPARQL files under {@code queries/}, each parsed once. Callers bind parameters with Jena's
 * substitution ({@code QueryExec…substitution}) and never edit the text.
 */
final class Queries {
    private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

    private Queries() {}

    /** @param name file name without {@code .rq}, e.g. {@code void-statistics} */
    static Query get(String name) {
        return PARSED.computeIfAbsent(name, n -> QueryFactory.create(ClasspathFolder.read("queries/" + n + ".rq")));
    }
}
