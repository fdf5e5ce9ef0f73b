package org.lodestar.seed;

import java.util.Objects;

/**
 * One neighbour line of a group: {@code - {label}{edgeKey}{justification}}.
 *
 * @param edgeKey       null when the line names no known edge key (a label-only line)
 * @param justification null when the line has none
 * @param line          1-based line in the file
 * @param position      1-based place of the member in its group
 */
public record Member(String label, String edgeKey, String justification, int line, int position) {

    public Member {
        Objects.requireNonNull(label, "label");
    }
}
