package org.lodestar.store;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.util.Context;

/**
 * Runs a query on a {@link RemoteDataset} by sending it whole to the store, so that the joins,
 * filters, ordering and limits of the {@code .rq} files run there, not as one lookup per triple
 * pattern here. A query's bound parameters travel as Jena's syntax substitution. CONSTRUCT, ASK and
 * DESCRIBE are sent as the SELECT of their pattern: Jena makes the triples (or the answer, or the
 * description, from lookups) from the rows here, as it does over a local dataset.
 */
final class RemoteQueryEngine implements QueryEngineFactory {
    private static volatile boolean registered;

    static synchronized void register() {
        if (!registered)
            QueryEngineRegistry.addFactory(new RemoteQueryEngine());
        registered = true;
    }

    private static RemoteDataset remote(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        while (d instanceof DatasetGraphWrapper w)
            d = w.getWrapped();
        return d instanceof RemoteDataset r ? r : null;
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return remote(dataset) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        Query sent = query;
        if (!query.isSelectType()) {
            sent = query.cloneQuery();
            sent.setQuerySelectType();
            sent.setQueryResultStar(true);
            if (query.isAskType())
                sent.setLimit(1);
        }
        Op op = Algebra.compile(sent);
        return new PlanOp("remote", null, op, QueryIterPlainWrapper.create(remote(dataset).select(sent, input).iterator()));
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) { return false; }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        throw new UnsupportedOperationException("algebra is not sent to a remote store");
    }
}
