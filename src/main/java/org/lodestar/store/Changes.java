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
 * and the entities whose label, description or class changed (their embeddings); and as far as
 * descriptions care ({@link Described}). Only the difference counts: a page whose description was
 * edited touches its own entity, not the thousands at the other end of its unchanged edges.
 */
final class Changes {
    /** What degrees depend on. */
    private static final List<Node> EDGE_ENDS = List.of(KG.source, KG.target);
    /** The edge ends, and what an entity's text and its place among entities depend on. */
    private static final List<Node> TRACKED = List.of(KG.source, KG.target, RDFS.label.asNode(), DCTerms.description.asNode(),
            RDF.type.asNode());
    /** The objects that a description of the subject names as an end (of an edge, of a similarity link). */
    private static final Set<Node> ENDS = Set.of(KG.source, KG.target, KG.element);
    /** What a description shows of every resource it mentions. */
    private static final Set<Node> SUMMARY = Set.of(RDFS.label.asNode(), RDF.type.asNode(), KG.identifier);
    /** Past this many, listing what descriptions show costs more than rendering them all again. */
    static final int DESCRIBED_LIMIT = 50_000;

    private boolean all, describedAll;
    private final Set<Node> edgeEnds = new HashSet<>(), texts = new HashSet<>();
    private final Set<Node> described = new HashSet<>(), summaries = new HashSet<>(), degrees = new HashSet<>();
    private Set<Triple> before = Set.of();
    /** The graph being replaced, in the dataset it is replaced in. */
    private DatasetGraph dataset;
    private Node graph;

    Changes(boolean all) {
        this.all = all;
    }

    /** True when every entity may have changed (a first build into an empty database): derive everything. */
    boolean all() { return all; }

    /** From now on, everything counts as changed (the ontology changed: which edges are typed, which classes have groups). */
    void everything() { all = true; }

    /** Every description may have changed (a graph changed that is not tracked, a full similarity derivation). */
    void everythingDescribed() {
        describedAll = true;
        described.clear();
        summaries.clear();
        degrees.clear();
    }

    /** Resources whose descriptions a change of derived data reached (the elements of similarity links written or removed). */
    void described(Set<Node> nodes) {
        if (describedAll)
            return;
        described.addAll(nodes);
        if (described.size() > DESCRIBED_LIMIT)
            everythingDescribed();
    }

    /** Entities whose degree the derivation counted anew and found different. */
    void degreesChanged(Set<Node> entities) {
        if (!describedAll)
            degrees.addAll(entities);
    }

    /** What the descriptions show of the changes so far. */
    Described describedChanges() {
        return all || describedAll ? Described.ALL
                : new Described(false, Set.copyOf(described), Set.copyOf(summaries), Set.copyOf(degrees));
    }

    /** Entities at either end of an edge some graph gained or lost. */
    Set<Node> edgeEnds() { return edgeEnds; }

    /** Entities whose label, description or class some graph gained or lost. */
    Set<Node> texts() { return texts; }

    /** Before {@code graph} is replaced: what it holds now. */
    void before(DatasetGraph dataset, Node graph) {
        if (all)
            return;
        this.dataset = dataset;
        this.graph = graph;
        before = new HashSet<>();
        dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> before.add(q.asTriple()));
    }

    /** After: what it holds instead ({@code null} when it was dropped). */
    void after(Graph graph) {
        if (all)
            return;
        Set<Triple> now = new HashSet<>();
        if (graph != null)
            graph.find().forEachRemaining(now::add);
        for (Triple t : before)
            if (!now.contains(t))
                note(t);
        for (Triple t : now)
            if (!before.contains(t))
                note(t);
        before = Set.of();
        if (described.size() > DESCRIBED_LIMIT)
            everythingDescribed();
    }

    private boolean heldElsewhere(Triple t) {
        var found = dataset.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (found.hasNext())
            if (!found.next().getGraph().equals(graph))
                return true;
        return false;
    }

    private void note(Triple t) {
        Node p = t.getPredicate();
        if (EDGE_ENDS.contains(p))
            edgeEnds.add(t.getObject());
        else if (TRACKED.contains(p))
            texts.add(t.getSubject());
        // descriptions read the union of the graphs: a triple another graph holds too was there before and is after
        if (describedAll || heldElsewhere(t))
            return;
        described.add(t.getSubject());
        if (ENDS.contains(p))
            described.add(t.getObject());
        if (SUMMARY.contains(p))
            summaries.add(t.getSubject());
    }
}
