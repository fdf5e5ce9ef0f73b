package org.lodestar.similarity;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How much of the exact k nearest the HNSW index finds: recall@k, averaged over sampled queries.
 * For the benchmark harness, and for the test that keeps the two searches in agreement.
 */
public final class Recall {
    private Recall() {}

    /**
     * @param recall            found / wanted over all queries, from 0 to 1
     * @param buildMillis       time to build the HNSW index
     * @param exactMillis       time of the exact searches
     * @param approximateMillis time of the HNSW searches
     */
    public record Measurement(int vectors, int queries, int k, double recall, long buildMillis, long exactMillis,
                              long approximateMillis) {
        @Override
        public String toString() {
            return String.format("recall@%d %.4f over %d queries of %d vectors (HNSW build %d ms, exact %d ms, HNSW %d ms)",
                    k, recall, queries, vectors, buildMillis, exactMillis, approximateMillis);
        }
    }

    /** Recall@k of {@link HnswIndex} against {@link ExactIndex} over {@code queries} vectors drawn with {@code seed}. */
    public static Measurement atK(List<float[]> vectors, int k, int queries, long seed) {
        int n = vectors.size();
        int[] sample = queries >= n ? IntStream.range(0, n).toArray()
                : new Random(seed).ints(0, n).distinct().limit(queries).toArray();
        ExactIndex exact = new ExactIndex(vectors);
        long t0 = System.nanoTime();
        try (HnswIndex hnsw = new HnswIndex(vectors)) {
            long t1 = System.nanoTime();
            List<Set<Integer>> truth = IntStream.of(sample).mapToObj(q -> ids(exact.nearest(q, k, -1, i -> false))).toList();
            long t2 = System.nanoTime();
            List<Set<Integer>> found = IntStream.of(sample).mapToObj(q -> ids(hnsw.nearest(q, k, -1, i -> false))).toList();
            long t3 = System.nanoTime();
            long hit = 0, wanted = 0;
            for (int i = 0; i < sample.length; i++) {
                Set<Integer> both = new HashSet<>(truth.get(i));
                both.retainAll(found.get(i));
                hit += both.size();
                wanted += truth.get(i).size();
            }
            return new Measurement(n, sample.length, k, wanted == 0 ? 1 : (double) hit / wanted,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }

    private static Set<Integer> ids(List<Neighbour> neighbours) {
        Set<Integer> ids = new HashSet<>();
        neighbours.forEach(nb -> ids.add(nb.index()));
        return ids;
    }
}
