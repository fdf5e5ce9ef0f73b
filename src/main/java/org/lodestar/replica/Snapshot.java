package org.lodestar.replica;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Fills an empty replica from a copy of another database: N-Quads or TriG, from a file or from a
 * server's graph store endpoint ({@code http://writer:8080/kg/get}, which sends the whole dataset
 * from one read transaction). The copy carries its own log position ({@link LogPosition} is a
 * graph like the others), so the replica then reads the log from exactly where the copy was
 * taken. Only named graphs are loaded: all Lodestar data is in them, and a server whose default
 * graph is the union sends that union as its default graph.
 */
public final class Snapshot {
    private Snapshot() {}

    /** Loads {@code source} in one write transaction; returns the number of quads. */
    public static long load(DatasetGraph dataset, String source) {
        AtomicLong quads = new AtomicLong();
        Txn.executeWrite(dataset, () -> RDFParser.source(source).lang(Lang.NQUADS)
                .acceptHeader("application/n-quads, application/trig;q=0.9")
                .parse(new StreamRDFBase() {
                    @Override
                    public void quad(Quad q) {
                        if (!q.isDefaultGraph()) {
                            dataset.add(q);
                            quads.incrementAndGet();
                        }
                    }

                    @Override
                    public void triple(Triple t) {}
                }));
        return quads.get();
    }
}
