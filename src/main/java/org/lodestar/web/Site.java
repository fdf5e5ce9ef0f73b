package org.lodestar.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/**
 * What every Lodestar servlet reads: the store, the ontology, the URIs minted under the base, and
 * the answers already rendered from the current data.
 */
record Site(KnowledgeStore store, Ontology ontology, Uris uris, ResponseCache cache) {
    DatasetGraph dataset() { return store.dataset(); }

    Versions.DataVersion version() { return Versions.read(dataset(), uris.derivedGraph()); }

    /**
     * The answer to the request {@code key} names, from the cache when it holds one made from the
     * commit that a read transaction sees now, else rendered in that transaction (and kept). Null
     * when {@code render} finds nothing; that is never kept. Without a cache, or on a store whose
     * commits cannot be told apart (not TDB2), every answer is rendered.
     */
    ResponseCache.Served rendered(String key, Supplier<ResponseCache.Rendered> render) {
        return Txn.calculateRead(dataset(), () -> {
            Optional<String> commit = cache.enabled() ? Versions.commit(dataset()) : Optional.empty();
            if (commit.isEmpty())
                return new ResponseCache.Served(render.get(), null);
            String k = commit.get() + "\n" + key;
            ResponseCache.Rendered found = cache.find(k);
            if (found != null)
                return new ResponseCache.Served(found, true);
            ResponseCache.Rendered made = render.get();
            if (made != null)
                cache.keep(k, made);
            return new ResponseCache.Served(made, false);
        });
    }
}
