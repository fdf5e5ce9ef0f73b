package org.lodestar.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.KG;

/**
 * What the graphs a build replaced or dropped changed, as far as derived data cares: the entities
 * at either end of an edge that came or went (their degrees, and who their typed partners are),
 * and the entities whose label, description or class changed (their embeddings). Only the
 * difference counts: a page whose description was edited touches its own entity, not the
 * thousands at the other end of its unchanged edges.
 */
final class Changes {
    /** What degrees depend on. */
    private static final List<Node> EDGE_ENDS = List.of(KG.source, KG.target);
    /** The edge ends, and what an entity's text and its place among entities depend on. */
    private static final List<Node> TRACKED = List.of(KG.source, KG.target, RDFS.label.asNode(), DCTerms.description.asNode(),
            RDF.type.asNode());

    private boolean all;
    private final Set<Node> edgeEnds = new HashSet<>(), texts = new HashSet<>();
    private Set<Triple> before = Set.of();

    Changes(boolean all) {
        this.all = all;
    }

    /** True when every entity may have changed (a first build into an empty database): derive everything. */
    boolean all() { return all; }

    /** From now on, everything counts as changed (the ontology changed: which edges are typed, which classes have groups). */
    void everything() { all = true; }

    /** Entities at either end of an edge some graph gained or lost. */
    Set<Node> edgeEnds() { return edgeEnds; }

    /** Entities whose label, description or class some graph gained or lost. */
    Set<Node> texts() { return texts; }

    /** Before {@code graph} is replaced: what it holds now. */
    void before(DatasetGraph dataset, Node graph) {
        if (all)
            return;
        before = new HashSet<>();
        for (Node p : TRACKED)
            dataset.find(graph, Node.ANY, p, Node.ANY).forEachRemaining(q -> before.add(q.asTriple()));
    }

    /** After: what it holds instead ({@code null} when it was dropped). */
    void after(Graph graph) {
        if (all)
            return;
        Set<Triple> now = new HashSet<>();
        if (graph != null)
            for (Node p : TRACKED)
                graph.find(Node.ANY, p, Node.ANY).forEachRemaining(now::add);
        for (Triple t : before)
            if (!now.contains(t))
                note(t);
        for (Triple t : now)
            if (!before.contains(t))
                note(t);
        before = Set.of();
    }

    private void note(Triple t) {
        if (EDGE_ENDS.contains(t.getPredicate()))
            edgeEnds.add(t.getObject());
        else
            texts.add(t.getSubject());
    }
}
