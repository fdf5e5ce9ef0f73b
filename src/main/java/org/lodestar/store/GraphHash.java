package org.lodestar.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.lodestar.rdf.Uris;

/**
 * A fingerprint of a graph's triples, independent of their order. A page's graph is rewritten
 * only when its fingerprint changes, and the fingerprint covers what other pages contribute to it
 * (ids they declare), which a hash of the file alone would miss. Blank nodes are hashed as one
 * placeholder: their labels change at every parse (the ontology's owl:unionOf lists), while the
 * IRIs and literals around them still tell a changed graph from an unchanged one.
 */
final class GraphHash {
    private GraphHash() {}

    static String of(Graph graph) {
        StringBuilder all = new StringBuilder();
        graph.find().mapWith(GraphHash::line).toList().stream().sorted().forEach(t -> all.append(t).append('\n'));
        return Uris.hash(all.toString(), 64);
    }

    private static String line(Triple t) {
        return term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject());
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:" : NodeFmtLib.strNT(n);
    }
}
