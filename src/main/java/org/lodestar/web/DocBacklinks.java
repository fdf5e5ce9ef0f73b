package org.lodestar.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.lodestar.ontology.KG;

/**
 * One page of an entity's backlinks: the qualified edges whose {@code kg:target} is the entity,
 * whose {@code kg:predicate} has a {@code kg:key} (a typed predicate of the ontology, not
 * {@code kg:linkedTo}) and whose {@code kg:source} is another entity. They are ordered by edge
 * IRI, which is stable across rebuilds, and paged because a hub has thousands.
 *
 * @param edges at most a page of edges, in order
 * @param hasNext whether another page follows
 */
record DocBacklinks(List<Node> edges, boolean hasNext) {

    /** @param page 1-based */
    static DocBacklinks page(DocLookup lookup, Node entity, int page, int pageSize) {
        Map<Node, Boolean> typed = new HashMap<>(); // per predicate: a handful of predicates, thousands of edges
        List<Node> all = new ArrayList<>();
        for (Node edge : lookup.subjects(KG.target, entity)) {
            boolean hasTypedPredicate = lookup.objects(edge, KG.predicate).stream()
                    .anyMatch(p -> typed.computeIfAbsent(p, key -> lookup.contains(key, KG.key, Node.ANY)));
            if (hasTypedPredicate && lookup.objects(edge, KG.source).stream().anyMatch(s -> !s.equals(entity)))
                all.add(edge);
        }
        all.sort(DocLookup::sparqlOrder);
        long from = (long) (page - 1) * pageSize;
        if (from >= all.size())
            return new DocBacklinks(List.of(), false);
        int to = (int) Math.min(all.size(), from + pageSize);
        return new DocBacklinks(List.copyOf(all.subList((int) from, to)), all.size() > to);
    }
}
