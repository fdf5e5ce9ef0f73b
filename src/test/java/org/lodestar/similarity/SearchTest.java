package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exact and HNSW search, and which pairs become links; on made-up vectors, without the model. */
class SearchTest {
    /** 300 unit vectors in 384 dimensions around 15 centres: clustered like sentence embeddings, not uniform noise. */
    static List<float[]> clustered(int n, int dims, long seed) {
        Random r = new Random(seed);
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 15; c++)
            centres.add(gaussian(r, dims, 1));
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] centre = centres.get(r.nextInt(centres.size()));
            float[] noise = gaussian(r, dims, 0.6);
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++)
                v[d] = centre[d] + noise[d];
            vectors.add(Vectors.normalize(v));
        }
        return vectors;
    }

    private static float[] gaussian(Random r, int dims, double sd) {
        float[] v = new float[dims];
        for (int d = 0; d < dims; d++)
            v[d] = (float) (r.nextGaussian() * sd);
        return v;
    }

    private static float[] unit(double... xs) {
        float[] v = new float[xs.length];
        for (int i = 0; i < xs.length; i++)
            v[i] = (float) xs[i];
        return Vectors.normalize(v);
    }

    @Test
    void exactSearchIsBestFirstWithoutItselfAndSkipped() {
        List<float[]> v = List.of(unit(1, 0, 0), unit(0.9, 0.1, 0), unit(0.5, 0.5, 0), unit(0, 0, 1), unit(0.8, 0.2, 0));
        ExactIndex index = new ExactIndex(v);
        List<Neighbour> n = index.nearest(0, 3, -1, i -> false);
        assertEquals(List.of(1, 4, 2), n.stream().map(Neighbour::index).toList());
        assertEquals(List.of(4, 2), index.nearest(0, 3, -1, i -> i == 1).stream().map(Neighbour::index).toList().subList(0, 2));
        assertTrue(index.nearest(0, 10, 0.5, i -> false).stream().noneMatch(x -> x.index() == 3), "cosine 0 is below 0.5");
    }

    @Test
    void aPairExactlyAtTheThresholdIsKeptAndJustBelowItIsNot() {
        List<float[]> v = List.of(unit(1, 0), unit(0.6, 0.8), unit(0, 1));
        double c = Vectors.cosine(v.get(0), v.get(1));
        for (int exactBelow : new int[] {Integer.MAX_VALUE, 0}) { // exact, then HNSW
            List<LinkComputation.Pair> at = LinkComputation.compute(v, none(v), c, 5, exactBelow).pairs();
            assertTrue(at.contains(new LinkComputation.Pair(0, 1, c)), "at threshold: " + at);
            List<LinkComputation.Pair> above = LinkComputation.compute(v, none(v), Math.nextUp(c), 5, exactBelow).pairs();
            assertTrue(above.stream().noneMatch(p -> p.a() == 0 && p.b() == 1), "threshold just above the cosine: " + above);
        }
    }

    @Test
    void typedPartnersGetNoLinkAndEachEntityKeepsItsKNearest() {
        List<float[]> v = clustered(60, 16, 7);
        Map<Integer, Set<Integer>> typed = Map.of(0, Set.of(1, 2), 1, Set.of(0), 2, Set.of(0));
        TypedPartners partners = new TypedPartners.Builder(v.size()).add(0, 1).add(2, 0).add(1, 0).build();
        List<LinkComputation.Pair> pairs = LinkComputation.compute(v, partners, 0.0, 3, Integer.MAX_VALUE).pairs();
        assertTrue(pairs.stream().noneMatch(p -> p.a() == 0 && (p.b() == 1 || p.b() == 2)), "typed pairs excluded");
        ExactIndex exact = new ExactIndex(v);
        for (int i = 0; i < v.size(); i++) {
            Set<Integer> skip = typed.getOrDefault(i, Set.of());
            for (Neighbour n : exact.nearest(i, 3, 0.0, skip::contains)) {
                int a = Math.min(i, n.index()), b = Math.max(i, n.index());
                assertTrue(pairs.stream().anyMatch(p -> p.a() == a && p.b() == b), "entity " + i + " keeps its 3 nearest");
            }
        }
        // a pair is stored when it is among the k nearest of either end, never otherwise
        for (LinkComputation.Pair p : pairs) {
            boolean ofA = exact.nearest(p.a(), 3, 0.0, typed.getOrDefault(p.a(), Set.of())::contains).stream().anyMatch(n -> n.index() == p.b());
            boolean ofB = exact.nearest(p.b(), 3, 0.0, typed.getOrDefault(p.b(), Set.of())::contains).stream().anyMatch(n -> n.index() == p.a());
            assertTrue(ofA || ofB, p.toString());
        }
    }

    @Test
    void hnswFindsTheSameNeighboursEveryTimeItIsBuilt() {
        // Its parts are built on several threads; the same vectors must still make the same links.
        List<float[]> v = clustered(3_000, 384, 7);
        try (HnswIndex a = new HnswIndex(v); HnswIndex b = new HnswIndex(v)) {
            for (int q = 0; q < v.size(); q += 7)
                assertEquals(a.nearest(q, 10, -1, i -> false), b.nearest(q, 10, -1, i -> false), "query " + q);
        }
    }

    @Test
    void hnswAgreesWithExactSearch() {
        // Enough vectors that the search beam (k + 81 candidates) covers a small part of each graph.
        List<float[]> v = clustered(3_000, 384, 42);
        Recall.Measurement m = Recall.atK(v, 10, 300, 1);
        System.err.println(m);
        assertTrue(m.recall() >= 0.95, m.toString());

        Set<LinkComputation.Pair> exact = new HashSet<>(LinkComputation.compute(v, none(v), 0.5, 10, Integer.MAX_VALUE).pairs());
        LinkComputation.Result approx = LinkComputation.compute(v, none(v), 0.5, 10, 0);
        assertEquals("hnsw", approx.search());
        Set<LinkComputation.Pair> found = new HashSet<>(approx.pairs());
        found.retainAll(exact);
        assertTrue(found.size() >= 0.95 * exact.size(), found.size() + " of " + exact.size() + " exact links");
    }

    @Test
    void scoresAreRoundedHalfUpToThreeDecimalsWithinZeroAndOne() {
        assertEquals(new BigDecimal("0.813"), Vectors.score(0.8125));
        assertEquals(new BigDecimal("0.650"), Vectors.score(0.65));
        assertEquals(new BigDecimal("1.000"), Vectors.score(1.0000001));
        assertEquals(new BigDecimal("0.000"), Vectors.score(-0.2));
    }

    private static TypedPartners none(List<float[]> v) {
        return new TypedPartners.Builder(v.size()).build();
    }
}
