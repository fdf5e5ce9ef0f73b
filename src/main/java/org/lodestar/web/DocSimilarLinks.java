package org.lodestar.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
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

    /**
     * The links, best first (in iteration order), each once, with their triples: each link is read
     * once, for its type and score here and for the description after (on a database larger than
     * memory every index read can be a page fault).
     */
    static Map<Node, List<Triple>> top(DocLookup lookup, Node entity) {
        Map<Node, List<Triple>> about = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Node link : lookup.subjects(KG.element, entity)) {
            List<Triple> triples = lookup.about(link);
            if (!DocLookup.objects(triples, RDF.type.asNode()).contains(KG.SimilarityLink))
                continue;
            about.put(link, triples);
            List<Node> scores = DocLookup.objects(triples, KG.score);
            if (scores.isEmpty())
                rows.add(new Row(link, null));
            scores.forEach(score -> rows.add(new Row(link, score)));
        }
        rows.sort(RANK);
        Map<Node, List<Triple>> links = new LinkedHashMap<>();
        rows.stream().limit(LIMIT).forEach(r -> links.putIfAbsent(r.link(), about.get(r.link())));
        return links;
    }
}
