package org.lodestar.store;

import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.KG;

/**
 * The base a database was built under, read from what it already holds rather than a record of
 * its own: every build derives into {@code {base}graph/derived} and stamps that graph with
 * {@code <{base}graph/derived> kg:derivationStamp …} in it. So a database built before this
 * was read knows its base too, and a SPARQL query can ask for it. One quad per base: a lookup,
 * not a scan.
 */
public final class RecordedBase {
    static final String DERIVED = "graph/derived";

    private RecordedBase() {}

    /** The bases the data was built under: none for a database nothing was built into, one normally. */
    public static Set<String> of(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> {
            Set<String> bases = new TreeSet<>();
            dataset.find(Node.ANY, Node.ANY, KG.derivationStamp, Node.ANY).forEachRemaining((Quad q) -> {
                // A store read as one graph (a remote one loaded from the dump) names no graph:
                // the stamp's subject is the derived graph's name all the same.
                Node g = q.isDefaultGraph() ? q.getSubject() : q.getGraph();
                if (g.isURI() && g.equals(q.getSubject()) && g.getURI().endsWith(DERIVED))
                    bases.add(g.getURI().substring(0, g.getURI().length() - DERIVED.length()));
            });
            return bases;
        });
    }
}
