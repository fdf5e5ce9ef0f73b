package org.lodestar.seed;

import java.util.Objects;

/**
 * One line of the similarity section: {@code - {label}{typeKey}{score}{note}}.
 *
 * @param typeKey  null on a degraded line where only the label survived
 * @param score    the score as written ({@code "0.809"}), null when the line has none
 * @param note     null when the line has none
 * @param line     1-based line in the file
 * @param position 1-based place in the section
 */
public record SimilarEntry(String label, String typeKey, String score, String note, int line, int position) {

    public SimilarEntry {
        Objects.requireNonNull(label, "label");
    }
}
