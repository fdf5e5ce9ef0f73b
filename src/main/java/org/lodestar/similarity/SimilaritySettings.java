package org.lodestar.similarity;

import java.math.BigDecimal;

/**
 * What a build computes and a server shows: the mode, the lowest cosine a computed link needs
 * ({@code --threshold}) and how many nearest entities each entity keeps ({@code --k}).
 *
 * @param threshold cosine in [0, 1]; a pair exactly at the threshold is kept
 * @param k         at least 1
 */
public record SimilaritySettings(SimilarityMode mode, double threshold, int k) {
    public static final double DEFAULT_THRESHOLD = 0.65;
    public static final int DEFAULT_K = 20;
    /** Same-class pairs at or above this cosine are duplicate candidates. */
    public static final double DEFAULT_DUPLICATE_MIN = 0.9;
    public static final SimilaritySettings DEFAULT = new SimilaritySettings(SimilarityMode.BOTH, DEFAULT_THRESHOLD, DEFAULT_K);
    /** Nothing computed: the seed pages' own similarity sections only. */
    public static final SimilaritySettings IMPORTED_ONLY = new SimilaritySettings(SimilarityMode.IMPORTED, DEFAULT_THRESHOLD, DEFAULT_K);

    public SimilaritySettings {
        if (mode == null)
            throw new IllegalArgumentException("similarity mode is missing");
        if (!(threshold >= 0 && threshold <= 1))
            throw new IllegalArgumentException("threshold " + threshold + " is not a cosine from 0 to 1");
        if (k < 1)
            throw new IllegalArgumentException("k " + k + " is below 1");
    }

    /** The threshold as the decimal it was written as: 0.65, not 0.6500000000000000222. */
    public String thresholdLexical() {
        return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
    }
}
