package org.lodestar.store;

import java.util.Iterator;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes the quads of a build inside the caller's write transaction. Into an empty TDB2 quad table
 * it does what TDB2's sequential loader does: it fills the primary index alone (pages arrive graph
 * by graph, so that is close to appending) and then builds each other index from it, one at a
 * time, instead of inserting every quad into six B+trees at once. Into a table that holds data, or
 * a dataset that is not TDB2, it adds quads one by one.
 *
 * <p>Until {@link #finish()} the table has its primary index only, so nothing may read the quads
 * in between. If the write fails, {@link #abandon()} puts the untouched indexes back, and the
 * caller's abort discards the rest.
 */
final class QuadLoad {
    private final DatasetGraph dataset;
    private final NodeTupleTable table;
    private final TupleIndex[] detached;

    private QuadLoad(DatasetGraph dataset, NodeTupleTable table, TupleIndex[] detached) {
        this.dataset = dataset;
        this.table = table;
        this.detached = detached;
    }

    /** Starts a load; call it inside a write transaction. */
    static QuadLoad start(DatasetGraph dataset) {
        if (!TDBInternal.isTDB2(dataset))
            return new QuadLoad(dataset, null, null);
        NodeTupleTable table = TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable();
        if (!table.isEmpty())
            return new QuadLoad(dataset, null, null);
        TupleTable tuples = table.getTupleTable();
        TupleIndex[] secondary = new TupleIndex[tuples.numIndexes() - 1];
        for (int i = 1; i < tuples.numIndexes(); i++) {
            secondary[i - 1] = tuples.getIndex(i);
            tuples.setTupleIndex(i, null);
        }
        return new QuadLoad(dataset, table, secondary);
    }

    /** True when this load fills one index and builds the others at the end. */
    boolean bulk() { return detached != null; }

    /** Into a named graph: in bulk the quad goes to the table as it is, past the dataset's own checks. */
    void add(Node graph, Triple t) {
        if (Quad.isDefaultGraph(graph) || Quad.isUnionGraph(graph))
            throw new IllegalArgumentException("a build writes named graphs only, not " + graph);
        if (bulk())
            table.addRow(graph, t.getSubject(), t.getPredicate(), t.getObject());
        else
            dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** Builds the other indexes from the primary one and attaches them: the quads can be read again. */
    void finish() {
        if (!bulk())
            return;
        TupleTable tuples = table.getTupleTable();
        for (TupleIndex index : detached)
            for (Iterator<Tuple<NodeId>> all = tuples.getIndex(0).all(); all.hasNext(); )
                index.add(all.next());
        attach();
    }

    /** Attaches the other indexes as they were, for the caller's abort to discard what was written. */
    void abandon() {
        if (bulk())
            attach();
    }

    private void attach() {
        for (int i = 0; i < detached.length; i++)
            table.getTupleTable().setTupleIndex(i + 1, detached[i]);
    }
}
