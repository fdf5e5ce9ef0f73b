package org.lodestar.seed;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the parser knows of the ontology: group headings ({@code "Concepts"} → {@code "concept"}),
 * all type keys (including {@code "entity"}, which has no heading) and the edge keys. Built by the
 * ontology package; the parser never hard-codes a key.
 */
public record Vocabulary(Map<String, String> headingToTypeKey, Set<String> typeKeys, Set<String> edgeKeys) {

    public Vocabulary {
        headingToTypeKey = Map.copyOf(Objects.requireNonNull(headingToTypeKey, "headingToTypeKey"));
        typeKeys = Set.copyOf(Objects.requireNonNull(typeKeys, "typeKeys"));
        edgeKeys = Set.copyOf(Objects.requireNonNull(edgeKeys, "edgeKeys"));
        // a heading whose type key is unknown would make every page with that group fail
        // in a way that points at the seed file instead of at the ontology
        for (var e : headingToTypeKey.entrySet())
            if (!typeKeys.contains(e.getValue()))
                throw new IllegalArgumentException("heading '" + e.getKey() + "' maps to unknown type key '" + e.getValue() + "'");
    }
}
