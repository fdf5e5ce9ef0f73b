package org.lodestar.web;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;
import org.lodestar.util.ClasspathFolder;

/**
 * What a validator (ETag, Last-Modified) is made of. The data version is a hash of the fingerprints
 * that every build writes ({@code <graph> kg:contentHash "…"} in each graph it made), so it changes
 * exactly when a build changes a graph; the code version is the release plus a hash of the
 * queries, templates and JSON-LD context that shape every representation. The build time is the
 * {@code dcterms:modified} the build records on the derived graph.
 */
final class Versions {
    /** Read once per request, in one read transaction. */
    record DataVersion(String hash, Instant modified) {}

    private static final String CODE = codeVersion();
    private static final Instant STARTED = Instant.now();

    private Versions() {}

    static String code() { return CODE; }

    static DataVersion read(DatasetGraph dataset, Node derivedGraph) {
        return Txn.calculateRead(dataset, () -> {
            List<String> lines = new ArrayList<>();
            dataset.find(Node.ANY, Node.ANY, KG.contentHash, Node.ANY).forEachRemaining(q -> {
                if (q.getGraph().equals(q.getSubject()))
                    lines.add(q.getGraph().getURI() + " " + q.getObject().getLiteralLexicalForm());
            });
            lines.sort(null);
            var found = dataset.find(derivedGraph, derivedGraph, DCTerms.modified.asNode(), Node.ANY);
            Instant modified = found.hasNext() ? parse(found.next().getObject().getLiteralLexicalForm()) : STARTED;
            return new DataVersion(Uris.hash(String.join("\n", lines), 32), modified);
        });
    }

    private static Instant parse(String dateTime) {
        try {
            return Instant.parse(dateTime);
        } catch (RuntimeException e) {
            return STARTED;
        }
    }

    private static String codeVersion() {
        StringBuilder all = new StringBuilder(release());
        for (String folder : List.of("queries", "templates", "ns"))
            for (String file : ClasspathFolder.list(folder, ""))
                all.append('\n').append(file).append('\n').append(ClasspathFolder.read(file));
        return Uris.hash(all.toString(), 16);
    }

    private static String release() {
        try (InputStream in = Versions.class.getResourceAsStream("/META-INF/maven/org.lodestar/lodestar/pom.properties")) {
            if (in == null)
                return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (Exception e) {
            return "dev";
        }
    }
}
