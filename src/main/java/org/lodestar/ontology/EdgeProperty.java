package org.lodestar.ontology;

import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * A typed edge of the ontology: its snake_case key as seed pages write it, and the classes its
 * domain and range name (members of an owl:unionOf are listed one by one).
 */
public record EdgeProperty(Node iri, String key, Set<Node> domain, Set<Node> range, boolean symmetric) {}
