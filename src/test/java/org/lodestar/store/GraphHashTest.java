package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class GraphHashTest {
    private static Node iri(String s) { return NodeFactory.createURI("http://example.org/" + s); }

    private static List<Triple> triples() {
        List<Triple> all = new ArrayList<>();
        for (int i = 0; i < 200; i++)
            all.add(Triple.create(iri("s" + i % 17), iri("p" + i % 5), NodeFactory.createLiteralString("v" + i)));
        return all;
    }

    private static Graph graph(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return g;
    }

    @Test
    void theOrderOfTheTriplesDoesNotMatter() {
        List<Triple> shuffled = new ArrayList<>(triples());
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(GraphHash.of(graph(triples())), GraphHash.of(graph(shuffled)));
    }

    @Test
    void anyChangedTermChangesTheFingerprint() {
        String before = GraphHash.of(graph(triples()));
        List<Triple> changed = new ArrayList<>(triples());
        changed.set(100, Triple.create(changed.get(100).getSubject(), changed.get(100).getPredicate(), NodeFactory.createLiteralString("v100 ")));
        assertNotEquals(before, GraphHash.of(graph(changed)));
        List<Triple> fewer = new ArrayList<>(triples());
        fewer.remove(5);
        assertNotEquals(before, GraphHash.of(graph(fewer)));
        // a term moved from object to subject position is another graph
        Graph swapped = graph(List.of(Triple.create(iri("a"), iri("p"), iri("b"))));
        assertNotEquals(GraphHash.of(swapped), GraphHash.of(graph(List.of(Triple.create(iri("b"), iri("p"), iri("a"))))));
    }

    @Test
    void blankNodeLabelsAreIgnored() {
        Graph one = graph(List.of(Triple.create(iri("s"), iri("p"), NodeFactory.createBlankNode("b1"))));
        Graph other = graph(List.of(Triple.create(iri("s"), iri("p"), NodeFactory.createBlankNode("b2"))));
        assertEquals(GraphHash.of(one), GraphHash.of(other));
        assertEquals(64, GraphHash.of(one).length());
    }
}
