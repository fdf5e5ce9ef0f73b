package org.lodestar.seed;

import java.util.List;
import java.util.Objects;

/**
 * A group of neighbours of one class, as the page lists it.
 *
 * @param heading       the plural class label as written ({@code "Concepts"})
 * @param declaredCount the count in parentheses, which need not match {@code members().size()}
 * @param typeKey       the type key the heading stands for
 * @param line          line of the heading
 */
public record Group(String heading, int declaredCount, String typeKey, int line, List<Member> members) {

    public Group {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(typeKey, "typeKey");
        members = List.copyOf(members);
    }
}
