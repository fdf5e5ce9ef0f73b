package org.lodestar.bench;

import org.lodestar.similarity.Recall;

/**
 * Similarity: entities embedded per second during the build (all-MiniLM-L6-v2 in process), and
 * recall@10 of the approximate (HNSW) index against the exact search over the same vectors.
 */
final class SimilarityFigures implements Measurement {
    static final int QUERIES = 1_000, K = 10;

    private final TimedEmbedder embedder;

    SimilarityFigures(TimedEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() { return "similarity"; }

    @Override
    public void run(BenchContext c, Results r) {
        var vectors = embedder.vectors();
        r.put("embedded", vectors.size());
        r.put("embed_per_s", vectors.isEmpty() ? null : vectors.size() / (embedder.nanos() / 1e9));
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
