package org.lodestar.web;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/**
 * What every Lodestar servlet reads: the store, the ontology, the URIs minted under the base, and
 * the answers already rendered from the current data, in memory and on disk.
 */
record Site(KnowledgeStore store, Ontology ontology, Uris uris, ResponseCache cache, DocStore docs, RenderSlots renders) {
    DatasetGraph dataset() { return store.dataset(); }

    /** Where writes go: on a writer that publishes them, through the wrapper that does ({@code KnowledgeStore#writes}). */
    DatasetGraph writes() { return store.writes(); }

    Versions.DataVersion version() { return Versions.read(dataset(), uris.derivedGraph()); }

    /** For an answer that the document store does not hold. */
    ResponseCache.Served rendered(String key, Supplier<ResponseCache.Rendered> render) {
        return rendered(key, null, render);
    }

    /**
     * The answer to the request {@code key} names, made from the commit that a read transaction sees
     * now: from the cache when it holds one, else from the document store when {@code docPath} is
     * given and the store was rendered from that commit, else rendered in that transaction (and
     * kept in the cache; not the store's, which need not take the cache's room). Null when
     * {@code render} finds nothing; that is never kept. On a store whose commits cannot be told
     * apart (not TDB2), every answer is rendered.
     *
     * @param docPath the document's path in {@link DocStore}, or null when it cannot be there
     */
    ResponseCache.Served rendered(String key, String docPath, Supplier<ResponseCache.Rendered> render) {
        return rendered(key, docPath, null, render);
    }

    /**
     * As {@link #rendered(String, String, Supplier)}, for an answer that is made from what the
     * document store holds rather than being it (a view rendered from its stored records):
     * {@code fromStored} makes it, inside the same transaction, and the cache keeps it as it would
     * keep one rendered.
     *
     * @param fromStored null when the stored bytes are the answer
     */
    ResponseCache.Served rendered(String key, String docPath, UnaryOperator<ResponseCache.Rendered> fromStored,
                                  Supplier<ResponseCache.Rendered> render) {
        // most answers are in the cache or the file: found on this thread, at its priority
        ResponseCache.Served found = Txn.calculateRead(dataset(), () -> kept(key, docPath, fromStored));
        if (found != null)
            return found;
        // else rendered on a render thread, in a read transaction of its own (TDB2 keeps one per
        // thread), which looks again: the data may have changed since
        return renders.render(() -> Txn.calculateRead(dataset(), () -> {
            ResponseCache.Served now = kept(key, docPath, fromStored);
            if (now != null)
                return now;
            ResponseCache.Rendered made = render.get();
            Optional<String> commit = Versions.commit(dataset());
            if (commit.isEmpty() || !cache.enabled())
                return new ResponseCache.Served(made, null);
            if (made != null)
                cache.keep(commit.get() + "\n" + key, made);
            return new ResponseCache.Served(made, ResponseCache.Served.MISS);
        }));
    }

    /**
     * The answer the response cache or the document store holds for {@code key} at the commit the
     * caller's read transaction sees; null when it must be rendered (always on a store whose
     * commits cannot be told apart).
     */
    private ResponseCache.Served kept(String key, String docPath, UnaryOperator<ResponseCache.Rendered> fromStored) {
        Optional<String> commit = Versions.commit(dataset());
        if (commit.isEmpty())
            return null;
        String k = commit.get() + "\n" + key;
        ResponseCache.Rendered found = cache.find(k);
        if (found != null)
            return new ResponseCache.Served(found, ResponseCache.Served.HIT);
        ResponseCache.Rendered stored = docPath == null ? null : docs.find(commit.get(), docPath);
        if (stored != null && fromStored == null)
            return new ResponseCache.Served(stored, ResponseCache.Served.STORED);
        if (stored != null) {
            ResponseCache.Rendered made = fromStored.apply(stored);
            if (cache.enabled())
                cache.keep(k, made);
            return new ResponseCache.Served(made, ResponseCache.Served.STORED);
        }
        return null;
    }
}
