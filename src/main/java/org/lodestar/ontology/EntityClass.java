package org.lodestar.ontology;

import org.apache.jena.graph.Node;

/**
 * A class of entities as the ontology declares it for pages and views.
 *
 * @param viewOrder place of the class's group in a view; {@code Integer.MAX_VALUE} for classes
 *                  that never get a group of their own (kg:Entity)
 */
public record EntityClass(Node iri, String typeKey, String heading, int viewOrder) {
    public boolean hasGroup() {
        return viewOrder != Integer.MAX_VALUE;
    }
}
