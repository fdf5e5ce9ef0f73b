package org.lodestar.seed;

import java.util.List;

/**
 * "Related by similarity (N)" and its entries.
 *
 * @param threshold   as written ({@code "0.65"}); null only when the threshold line is missing or
 *                    malformed, which is an error
 * @param explanation the text after "no typed edge"; empty, never null, when there is none
 * @param line        line of the heading
 */
public record SimilaritySection(int declaredCount, String threshold, String explanation, int line, List<SimilarEntry> entries) {

    public SimilaritySection {
        explanation = explanation == null ? "" : explanation;
        entries = List.copyOf(entries);
    }
}
