package org.lodestar.bench;

import org.lodestar.similarity.Embedder;
import org.lodestar.similarity.Recall;

/**
 * Similarity: entities embedded per second during the build (all-MiniLM-L6-v2 in process), the
 * build's embedder against langchain4j's on a sample of the same texts ({@link EmbedderComparison}),
 * and recall@10 of the approximate (HNSW) index against the exact search over the same vectors.
 */
final class SimilarityFigures implements Measurement {
    static final int QUERIES = 1_000, K = 10;

    private final TimedEmbedder embedder;
    private final Embedder baseline;

    SimilarityFigures(TimedEmbedder embedder, Embedder baseline) {
        this.embedder = embedder;
        this.baseline = baseline;
    }

    @Override
    public String name() { return "similarity"; }

    @Override
    public void run(BenchContext c, Results r) {
        var vectors = embedder.vectors();
        r.put("embedded", vectors.size());
        r.put("embed_per_s", vectors.isEmpty() ? null : vectors.size() / (embedder.nanos() / 1e9));
        if (!vectors.isEmpty()) {
            EmbedderComparison.Figures e = EmbedderComparison.run(embedder.texts(), embedder.timed(), baseline, c.settings().seed());
            c.log().printf("embedding: %,d texts at %.1f/s against langchain4j's %.1f/s (%.2fx), lowest cosine between them %.8f%n",
                    e.texts(), e.perSecond(), e.baselinePerSecond(), e.speedup(), e.lowestCosine());
            r.put("embed_sample", e.texts());
            r.put("embed_sample_per_s", e.perSecond());
            r.put("embed_baseline_per_s", e.baselinePerSecond());
            r.put("embed_speedup", e.speedup());
            r.put("embed_baseline_min_cosine", e.lowestCosine());
        }
        if (vectors.size() <= K) {
            r.put("knn_recall_at_10", null);
            return;
        }
        Recall.Measurement m = Recall.atK(vectors, K, Math.min(QUERIES, vectors.size()), c.settings().seed());
        c.log().println("similarity: " + m);
        r.put("knn_recall_at_10", m.recall());
        r.put("knn_queries", m.queries());
        r.put("hnsw_build_ms", m.buildMillis());
    }
}
