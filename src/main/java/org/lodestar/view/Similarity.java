package org.lodestar.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Turns the ranked rows of similar_entities.rq into the similarity section: one entry per entity,
 * however many links pair it with the focus (the first in rank order gives its line), and at most
 * one page of them.
 */
final class Similarity {
    private Similarity() {}

    static EntityView.Similar read(List<Binding> rows, ViewOptions options) {
        Map<String, List<Binding>> byEntity = new LinkedHashMap<>();
        for (Binding r : rows)
            byEntity.computeIfAbsent(Rows.iri(r, "other"), o -> new ArrayList<>()).add(r);
        List<EntityView.SimilarMember> members = new ArrayList<>();
        for (List<Binding> links : byEntity.values()) {
            if (members.size() == options.pageSize())
                break;
            members.add(member(links));
        }
        return new EntityView.Similar(options.threshold(), byEntity.size(), List.copyOf(members));
    }

    private static EntityView.SimilarMember member(List<Binding> links) {
        Binding first = links.get(0);
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<EntityView.SimilarSource> sources = new ArrayList<>();
        for (Binding l : links)
            if (seen.add(Rows.iri(l, "link")))
                sources.add(new EntityView.SimilarSource(Rows.iri(l, "link"), Rows.text(l, "source"),
                        Rows.text(l, "score"), Rows.text(l, "note"), Rows.iri(l, "page")));
        return new EntityView.SimilarMember(Rows.iri(first, "other"), Rows.text(first, "id"), Rows.text(first, "label"),
                Rows.text(first, "typeKey"), Rows.bool(first, "typed"), Rows.text(first, "score"), Rows.text(first, "note"),
                Rows.text(first, "source"), List.copyOf(sources));
    }
}
