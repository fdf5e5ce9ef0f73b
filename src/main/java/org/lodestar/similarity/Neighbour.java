package org.lodestar.similarity;

import java.util.Comparator;

/** One of a vector's nearest: its index among the indexed vectors and its exact cosine. */
public record Neighbour(int index, double cosine) {
    /** Best first; equal cosines by index, so results do not depend on the search's visiting order. */
    public static final Comparator<Neighbour> BEST_FIRST =
            Comparator.comparingDouble(Neighbour::cosine).reversed().thenComparingInt(Neighbour::index);
}
