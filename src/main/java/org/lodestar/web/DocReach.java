package org.lodestar.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.lodestar.ontology.KG;
import org.lodestar.store.Described;

/**
 * The entities whose stored description and stored view a build's change reaches, read from the
 * data after it ({@link Described} lists what the change touched). A description shows the triples
 * about its entity, the edges and similarity links it is an end of with their assertions, and the
 * class, label and identifier of everything those name; so it changes when one of those resources
 * changed, or a summary it shows did. A view shows the same of its own entity and its edges and
 * links, and of each entity one edge or link away its label, class, identifier and degree; so a
 * change reaches the view of every description it reaches, and the views of the neighbours of an
 * entity whose summary or degree changed. Not the neighbours of every reached description: a hub
 * whose description was edited has thousands of them, and none of their views shows it.
 */
final class DocReach {
    record Reach(Set<Node> documents, Set<Node> views) {}

    private DocReach() {}

    /** Callers hold a read transaction on the data after the change. */
    static Reach of(DocLookup lookup, Described changed) {
        Set<Node> documents = new HashSet<>();
        for (Node n : changed.nodes())
            reach(lookup, n, documents);
        for (Node s : changed.summaries()) {
            documents.add(s);
            lookup.find(Node.ANY, Node.ANY, s, t -> reach(lookup, t.getSubject(), documents));
        }
        Set<Node> views = new HashSet<>(documents);
        for (Set<Node> listed : List.of(changed.summaries(), changed.degrees()))
            for (Node d : listed)
                if (d.isURI())
                    neighbours(lookup, d, views);
        return new Reach(Set.copyOf(documents), Set.copyOf(views));
    }

    /** {@code n}, and when it is an edge, a similarity link or an assertion, the entities at its ends. */
    private static void reach(DocLookup lookup, Node n, Set<Node> into) {
        if (n.isLiteral())
            return;
        into.add(n);
        ends(lookup, n, into);
        for (Node edge : lookup.subjects(KG.assertion, n))
            ends(lookup, edge, into);
    }

    private static void ends(DocLookup lookup, Node n, Set<Node> into) {
        for (Node p : List.of(KG.source, KG.target, KG.element))
            into.addAll(lookup.objects(n, p));
    }

    /** The entities one edge or one similarity link away from {@code entity}. */
    private static void neighbours(DocLookup lookup, Node entity, Set<Node> into) {
        for (Node edge : lookup.subjects(KG.source, entity))
            into.addAll(lookup.objects(edge, KG.target));
        for (Node edge : lookup.subjects(KG.target, entity))
            into.addAll(lookup.objects(edge, KG.source));
        for (Node link : lookup.subjects(KG.element, entity))
            into.addAll(lookup.objects(link, KG.element));
    }
}
