package org.lodestar.store;

import org.apache.jena.query.Query;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.QueryEngineTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Queries over a publishing writer's dataset ({@link KnowledgeStore#writes}), Fuseki's among them,
 * and the WHERE of its SPARQL updates, are TDB2's: TDB2's engine takes only TDB2 itself, and
 * would leave the change-watching wrapper to ARQ's general engine, which knows nothing of the
 * union default graph and reads TDB2 a triple at a time. Reading needs no watching, so the query
 * runs on the TDB2 dataset inside; what an update writes still goes through the wrapper.
 */
final class ChangesOverTdb2 implements QueryEngineFactory {
    private static boolean registered;

    static synchronized void register() {
        if (!registered)
            QueryEngineRegistry.addFactory(new ChangesOverTdb2());
        registered = true;
    }

    private static DatasetGraph inner(DatasetGraph dataset) {
        return dataset instanceof DatasetGraphChanges c && TDBInternal.isBackedByTDB(c.getWrapped()) ? c.getWrapped() : null;
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) { return inner(dataset) != null; }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return QueryEngineTDB.getFactory().create(query, inner(dataset), input, context);
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) { return inner(dataset) != null; }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        return QueryEngineTDB.getFactory().create(op, inner(dataset), input, context);
    }
}
