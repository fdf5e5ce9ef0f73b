package org.lodestar.similarity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;

/** The computed similarity links as the derived graph holds them: read, written and removed, triple by triple. */
final class StoredLinks {
    private StoredLinks() {}

    /** The k-th best score among an entity's computed links; zero when it has fewer than k. */
    static BigDecimal kthBest(Graph stored, Node entity, Node method, int k) {
        List<BigDecimal> scores = new ArrayList<>();
        for (Node link : linksOf(stored, entity, method))
            storedLink(stored, link).ifPresent(t -> scores.add(new BigDecimal(t[0].getObject().getLiteralLexicalForm())));
        if (scores.size() < k)
            return BigDecimal.ZERO;
        scores.sort(Comparator.reverseOrder());
        return scores.get(k - 1);
    }

    /** The computed links {@code entity} is an element of. */
    static List<Node> linksOf(Graph stored, Node entity, Node method) {
        return stored.find(Node.ANY, KG.element, entity).mapWith(Triple::getSubject)
                .filterKeep(link -> stored.contains(link, KG.method, method)).toList();
    }

    /** The entities {@code entity} shares a computed link with. */
    static List<Node> linkedWith(Graph stored, Node entity, Node method) {
        List<Node> others = new ArrayList<>();
        for (Node link : linksOf(stored, entity, method))
            stored.find(link, KG.element, Node.ANY).forEachRemaining(t -> {
                if (!t.getObject().equals(entity))
                    others.add(t.getObject());
            });
        return others;
    }

    static Optional<Triple[]> storedLink(Graph stored, Node link) {
        Optional<Triple> score = stored.find(link, KG.score, Node.ANY).nextOptional();
        Optional<Triple> time = stored.find(link, SimilarityTerms.generatedAtTime, Node.ANY).nextOptional();
        return score.isPresent() && time.isPresent() ? Optional.of(new Triple[] {score.get(), time.get()}) : Optional.empty();
    }

    static void writeLink(Graph stored, Node link, Node a, Node b, BigDecimal score, Node method, Node when) {
        stored.add(Triple.create(link, RDF.type.asNode(), KG.SimilarityLink));
        stored.add(Triple.create(link, KG.element, a));
        stored.add(Triple.create(link, KG.element, b));
        stored.add(Triple.create(link, KG.score, decimal(score)));
        stored.add(Triple.create(link, KG.method, method));
        stored.add(Triple.create(link, SimilarityTerms.generatedAtTime, when));
    }

    static void removeLinks(Graph stored, Collection<Node> links) {
        for (Node link : links)
            removeAll(stored, link, Node.ANY);
    }

    /** Deletes what matches, found first: the triples are deleted as read (see {@link #decimal}). */
    static void removeAll(Graph graph, Node s, Node p) {
        graph.find(s, p, Node.ANY).toList().forEach(graph::delete);
    }

    /**
     * A decimal literal in the form TDB2 gives it back: a triple is deleted as it is read, and one
     * written as "0.670" is read as "0.67", deleted as that, and missed (a link kept its old score
     * beside the new one, ChunkedBuildTest).
     */
    static Node decimal(BigDecimal value) {
        return NodeValue.makeDecimal(value).asNode();
    }

    /** The computed links in the previous derived graph: link → {score triple, time triple}. */
    static Map<Node, Triple[]> storedLinks(Graph previous, Node method) {
        Map<Node, Triple[]> links = new HashMap<>();
        for (Triple t : previous.find(Node.ANY, KG.method, method).toList())
            storedLink(previous, t.getSubject()).ifPresent(found -> links.put(t.getSubject(), found));
        return links;
    }

    /** By value: TDB2 stores decimals in canonical form, "0.800" comes back as "0.8". */
    static boolean sameScore(Node stored, BigDecimal score) {
        try {
            return stored.isLiteral() && new BigDecimal(stored.getLiteralLexicalForm()).compareTo(score) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
