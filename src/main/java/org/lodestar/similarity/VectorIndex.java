package org.lodestar.similarity;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Nearest-neighbour search over a fixed list of unit vectors, by cosine. Below
 * {@link #EXACT_BELOW} vectors the search is exact (a scan, n² work in all, a few seconds at the
 * limit on two cores); from there on Lucene's HNSW graph answers approximately (n log n), and the
 * cosines it returns are still computed exactly from the vectors.
 */
public interface VectorIndex extends AutoCloseable {
    int EXACT_BELOW = 5_000;

    /**
     * Up to {@code count} vectors nearest to vector {@code query}, never itself, none for which
     * {@code skip} holds, each with cosine ≥ {@code minCosine}; best first.
     */
    List<Neighbour> nearest(int query, int count, double minCosine, IntPredicate skip);

    /** "exact" or "hnsw", for reports. */
    String kind();

    @Override
    void close();

    /** The exact index below {@code exactBelow} vectors, HNSW from there on. */
    static VectorIndex over(List<float[]> vectors, int exactBelow) {
        return vectors.size() < exactBelow ? new ExactIndex(vectors) : new HnswIndex(vectors);
    }
}
