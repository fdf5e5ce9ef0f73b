package org.lodestar.web;

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
     * The answer under {@code key}, rendered when not kept yet; null when {@code render} finds
     * nothing (never kept). {@code key} must name {@code version}: the answer is rendered in a read
     * transaction that reads the version again, and it is kept only if no build committed since
     * {@code version} was read, so no key ever holds data of another version.
     */
    ResponseCache.Rendered rendered(String key, Versions.DataVersion version, Supplier<ResponseCache.Rendered> render) {
        ResponseCache.Rendered found = cache.find(key);
        if (found != null)
            return found;
        return Txn.calculateRead(dataset(), () -> {
            ResponseCache.Rendered made = render.get();
            if (made != null && version().equals(version))
                cache.keep(key, made);
            return made;
        });
    }
}
