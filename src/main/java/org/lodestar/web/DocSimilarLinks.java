package org.lodestar.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;

/**
 * The similarity links a description names: the {@code kg:SimilarityLink}s with the entity as a
 * {@code sim:element}, highest {@code kg:score} first, then by link IRI, and at most
 * {@link #LIMIT}, since the view shows fewer and an entity can have many computed neighbours.
 * Ranked as {@code ORDER BY DESC(?score) ?link} over the rows {@code (?link, ?score)}: a link
 * without a score ranks after every scored one (unbound sorts first, so last when descending),
 * and a link with two scores makes two rows, as it did in SPARQL.
 */
final class DocSimilarLinks {
    static final int LIMIT = 50;

    private record Row(Node link, Node score) {}

    private static final Comparator<Row> RANK = ((Comparator<Row>) (a, b) -> DocLookup.sparqlOrder(b.score(), a.score()))
            .thenComparing((a, b) -> DocLookup.sparqlOrder(a.link(), b.link()));

    private DocSimilarLinks() {}

    /** The links, best first (in iteration order), each once. */
    static Set<Node> top(DocLookup lookup, Node entity) {
        List<Row> rows = new ArrayList<>();
        for (Node link : lookup.subjects(KG.element, entity)) {
            if (!lookup.contains(link, RDF.type.asNode(), KG.SimilarityLink))
                continue;
            List<Node> scores = lookup.objects(link, KG.score);
            if (scores.isEmpty())
                rows.add(new Row(link, null));
            scores.forEach(score -> rows.add(new Row(link, score)));
        }
        rows.sort(RANK);
        Set<Node> links = new LinkedHashSet<>();
        rows.stream().limit(LIMIT).forEach(r -> links.add(r.link()));
        return links;
    }
}
