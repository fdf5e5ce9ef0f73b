package org.lodestar.trials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.lodestar.ontology.KG;
import org.lodestar.store.GraphHash;

/**
 * A fingerprint of every graph of a TDB2 database: graph name → an order-independent hash of its
 * triples. Two databases with the same fingerprints hold the same data, but for what a build or
 * update stamps with its own clock or its own history, which two correct builds of the same pages
 * do not share: times ({@code dcterms:modified}, {@code prov:generatedAtTime}), the update token
 * and the derived graph's chained content token. Blank nodes hash as one placeholder (their labels
 * differ at every parse).
 */
public final class Fingerprint {
    private static final Set<Node> VOLATILE = Set.of(
            NodeFactory.createURI("http://purl.org/dc/terms/modified"),
            NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime"),
            KG.lastUpdate);

    private Fingerprint() {}

    /**
     * Opens the database in this process (it must not be open elsewhere) and reads it: for
     * {@code trials fingerprint}, a process of its own that ends after, releasing it.
     */
    public static Map<String, String> of(Path db) {
        return of(DatabaseMgr.connectDatasetGraph(db.toString()));
    }

    public static Map<String, String> of(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Map<String, GraphHash.Sum> sums = new TreeMap<>();
            dataset.find().forEachRemaining(q -> {
                if (!skip(q))
                    sums.computeIfAbsent(q.isDefaultGraph() ? "(default)" : q.getGraph().toString(), g -> new GraphHash.Sum())
                            .add(q.getSubject(), q.getPredicate(), q.getObject());
            });
            Map<String, String> out = new TreeMap<>();
            sums.forEach((g, sum) -> out.put(g, sum.triples() + ":" + sum.hex()));
            return out;
        });
    }

    /** What a build or an update stamps from its own clock or history (see the class comment). */
    private static boolean skip(Quad q) {
        if (VOLATILE.contains(q.getPredicate()))
            return true;
        // the derived graph's content token is chained from the one before: a history, not the data
        return q.getPredicate().equals(KG.contentHash) && q.getGraph().isURI() && q.getGraph().getURI().endsWith("graph/derived");
    }

    /** The graphs whose hashes differ between {@code a} and {@code b} (one present in only one counts), for messages. */
    public static String difference(Map<String, String> a, Map<String, String> b) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        Set<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        for (String g : all)
            if (!java.util.Objects.equals(a.get(g), b.get(g))) {
                if (n++ < 5)
                    s.append(s.length() == 0 ? "" : ", ").append(g).append(' ').append(a.get(g)).append(" vs ").append(b.get(g));
            }
        return n == 0 ? "none" : n + " graph(s): " + s + (n > 5 ? ", …" : "");
    }
}
