package org.lodestar.similarity;

import org.apache.jena.graph.Node;

/** An entity and what is embedded for it. */
public record EntityText(Node iri, String label, String description) {
    /** {@code label: description}, or the label alone when there is no description. */
    public String text() {
        return description == null || description.isBlank() ? label : label + ": " + description;
    }
}
