package org.lodestar.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.lodestar.rdf.Uris;
import org.lodestar.util.ClasspathFolder;

/**
 * Whole-graph forms of shape queries whose own form is slow on a whole graph, from the files
 * {@code queries/shape-*.rq}. Each file names the shape whose {@code sh:select} it replaces and the
 * hash of that query's {@link #normalForm normal form} when the file was written:
 * <pre>
 * # replaces the sh:select of &lt;https://w3id.org/lodestar/shapes#EdgeUnique&gt; (normal form 64 hex digits)
 * </pre>
 * A file is used only while the shape's query is still the one it was derived from; once the shape
 * changes, its own query runs again (slower, never wrong) and {@code DerivedQueriesTest} fails
 * until the file is derived again or removed. The shapes stay the source of every check.
 */
final class DerivedQueries {
    static final String FOLDER = "queries", PREFIX = FOLDER + "/shape-";
    private static final Pattern HEADER = Pattern.compile(
            "^# replaces the sh:select of <([^>]+)> \\(normal form ([0-9a-f]{64})\\)$", Pattern.MULTILINE);

    /** A derived query, the shape it serves and the hash of the shape query it was derived from. */
    record Derived(String file, String shape, String derivedFrom, Query query) {}

    private static final Map<String, Derived> BY_SHAPE = load();

    private DerivedQueries() {}

    /** The derived form of {@code shapeQuery}, the query of shape {@code shape}, if there is one and it is current. */
    static Optional<Query> forShape(Node shape, Query shapeQuery) {
        Derived d = shape.isURI() ? BY_SHAPE.get(shape.getURI()) : null;
        if (d == null || !d.derivedFrom().equals(hash(shapeQuery)) || !d.query().getProjectVars().equals(shapeQuery.getProjectVars()))
            return Optional.empty();
        return Optional.of(d.query());
    }

    static Map<String, Derived> all() { return BY_SHAPE; }

    /** The file texts, for the shapes fingerprint: changing one may change findings. */
    static String texts() {
        StringBuilder text = new StringBuilder();
        BY_SHAPE.values().forEach(d -> text.append(d.file()).append('\n').append(ClasspathFolder.read(d.file())).append('\n'));
        return text.toString();
    }

    /** The query without its prologue, so that a prefix declared in another shapes file changes nothing. */
    static String normalForm(Query query) {
        Query copy = QueryFactory.create(query.toString());
        copy.setPrefixMapping(new PrefixMappingImpl());
        return copy.toString();
    }

    static String hash(Query query) {
        return Uris.hash(normalForm(query), 64);
    }

    private static Map<String, Derived> load() {
        Map<String, Derived> byShape = new LinkedHashMap<>();
        for (String file : ClasspathFolder.list(FOLDER, ".rq")) {
            if (!file.startsWith(PREFIX))
                continue;
            String text = ClasspathFolder.read(file);
            Matcher header = HEADER.matcher(text);
            if (!header.find())
                throw new IllegalStateException(file + ":1: needs a line '# replaces the sh:select of <shape IRI> (normal form HASH)'");
            Derived d = new Derived(file, header.group(1), header.group(2), QueryFactory.create(text));
            if (byShape.put(d.shape(), d) != null)
                throw new IllegalStateException(file + ": a second derived query for <" + d.shape() + ">");
        }
        return byShape;
    }
}
