package org.lodestar.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/** Brute force: every vector against the query. Exact, and the reference that HNSW is measured against. */
public final class ExactIndex implements VectorIndex {
    private final List<float[]> vectors;

    public ExactIndex(List<float[]> vectors) {
        this.vectors = List.copyOf(vectors);
    }

    @Override
    public List<Neighbour> nearest(int query, int count, double minCosine, IntPredicate skip) {
        float[] q = vectors.get(query);
        // worst on top, so the queue keeps the best `count`
        PriorityQueue<Neighbour> best = new PriorityQueue<>(count + 1, Neighbour.BEST_FIRST.reversed());
        for (int i = 0; i < vectors.size(); i++) {
            if (i == query || skip.test(i))
                continue;
            double c = Vectors.cosine(q, vectors.get(i));
            if (c < minCosine)
                continue;
            best.add(new Neighbour(i, c));
            if (best.size() > count)
                best.poll();
        }
        List<Neighbour> result = new ArrayList<>(best);
        result.sort(Neighbour.BEST_FIRST);
        return result;
    }

    /** The cosine of vectors {@code a} and {@code b}. */
    public double cosine(int a, int b) {
        return Vectors.cosine(vectors.get(a), vectors.get(b));
    }

    @Override
    public String kind() { return "exact"; }

    @Override
    public void close() {}
}
