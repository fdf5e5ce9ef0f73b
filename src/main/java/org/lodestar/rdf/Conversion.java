package org.lodestar.rdf;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.Severity;

/**
 * The RDF of a set of pages: one graph per seed file (keyed by file name, in reading order), the
 * entity each page describes (by file name), where each resource came from ({@code file:line}, so
 * that a SHACL result can point at the page), and what went wrong on the way.
 */
public record Conversion(Map<String, Graph> graphs, Map<String, Node> described, Map<Node, String> locations,
                         List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
