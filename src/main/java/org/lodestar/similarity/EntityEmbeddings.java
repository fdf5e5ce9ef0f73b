package org.lodestar.similarity;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Every entity's embedding in a built store, in entity-IRI order, for measurements such as the
 * benchmark's recall ({@link Recall#atK}): with the cache the build used, nothing is embedded again.
 */
public final class EntityEmbeddings {
    private EntityEmbeddings() {}

    public static List<float[]> of(DatasetGraph dataset, EmbeddingCache cache, Embedder embedder) {
        List<String> texts = Txn.calculateRead(dataset, () -> GraphReader.entities(dataset).stream().map(EntityText::text).toList());
        return cache.embed(texts, embedder, Progress.QUIET).vectors();
    }
}
