package org.lodestar.similarity;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which pairs become similarity links: for each entity, its {@code k} nearest with cosine ≥ the
 * threshold, leaving out itself and its typed partners. A pair is kept when it is among the k
 * nearest of either of its two entities (the union), so that each entity's own k nearest are all
 * stored and a view that orders an entity's links by score and takes k shows exactly them; an
 * entity many others are near may so have more than k links.
 */
public final class LinkComputation {
    private LinkComputation() {}

    /** One unordered pair, {@code a < b} as entity numbers, with its exact cosine. */
    public record Pair(int a, int b, double cosine) {}

    /** What the search did, for the build's report. */
    public record Result(List<Pair> pairs, String search) {}

    public static Result compute(List<float[]> vectors, TypedPartners typedPartners, double threshold,
                                 int k, int exactBelow) {
        try (VectorIndex index = VectorIndex.over(vectors, exactBelow)) {
            List<Pair> pairs = IntStream.range(0, vectors.size()).parallel().boxed()
                    .flatMap(i -> {
                        return index.nearest(i, k, threshold, j -> typedPartners.has(i, j)).stream()
                                .map(n -> new Pair(Math.min(i, n.index()), Math.max(i, n.index()), n.cosine()));
                    })
                    .distinct()
                    .sorted(Comparator.comparingInt(Pair::a).thenComparingInt(Pair::b))
                    .toList();
            return new Result(pairs, index.kind());
        }
    }
}
