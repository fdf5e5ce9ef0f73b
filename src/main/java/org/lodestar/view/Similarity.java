package org.lodestar.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Turns the ranked rows of similar_entities.rq into the similarity section: one entry per entity,
 * however many links pair it with the focus (the first in rank order gives its line), and at most
 * one page of them.
 */
final class Similarity {
    private Similarity() {}

    /**
     * @param rows    similar_entities.rq, ranked (or the first page of them the build stored)
     * @param total   how many distinct entities all the rows would pair with the focus
     * @param details the identifier, type key and whether it has a group, of the entities shown
     *                ({@link EntityIds#rows})
     */
    static EntityView.Similar read(List<Binding> rows, int total, ViewOptions options, Function<List<Node>, List<Binding>> details) {
        return read(byEntity(rows), total, options, details);
    }

    /** As {@link #read(List, int, ViewOptions, Function)}, with all the rows: their entities are the total. */
    static EntityView.Similar read(List<Binding> rows, ViewOptions options, Function<List<Node>, List<Binding>> details) {
        Map<String, List<Binding>> byEntity = byEntity(rows);
        return read(byEntity, byEntity.size(), options, details);
    }

    private static EntityView.Similar read(Map<String, List<Binding>> byEntity, int total, ViewOptions options,
                                           Function<List<Node>, List<Binding>> details) {
        List<List<Binding>> shown = byEntity.values().stream().limit(options.pageSize()).toList();
        Map<String, Binding> detail = new HashMap<>();
        if (!shown.isEmpty())
            for (Binding d : details.apply(shown.stream().map(links -> Rows.node(links.get(0), "other")).toList()))
                detail.putIfAbsent(Rows.iri(d, "other"), d);
        List<EntityView.SimilarMember> members = new ArrayList<>();
        for (List<Binding> links : shown) {
            Binding d = detail.get(Rows.iri(links.get(0), "other"));
            // Every element of a link is an entity of this base; should the data ever say otherwise,
            // the entity is left out rather than shown half-described.
            if (d != null)
                members.add(member(links, d));
        }
        return new EntityView.Similar(options.threshold(), total, List.copyOf(members));
    }

    /** The rows of each entity, the entities in the order of their first row. */
    static Map<String, List<Binding>> byEntity(List<Binding> rows) {
        Map<String, List<Binding>> byEntity = new LinkedHashMap<>();
        for (Binding r : rows)
            byEntity.computeIfAbsent(Rows.iri(r, "other"), o -> new ArrayList<>()).add(r);
        return byEntity;
    }

    private static EntityView.SimilarMember member(List<Binding> links, Binding detail) {
        Binding first = links.get(0);
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<EntityView.SimilarSource> sources = new ArrayList<>();
        for (Binding l : links)
            if (seen.add(Rows.iri(l, "link")))
                sources.add(new EntityView.SimilarSource(Rows.iri(l, "link"), Rows.text(l, "source"),
                        Rows.text(l, "score"), Rows.text(l, "note"), Rows.iri(l, "page")));
        return new EntityView.SimilarMember(Rows.iri(first, "other"), Rows.text(detail, "id"), Rows.text(first, "label"),
                Rows.text(detail, "typeKey"), Rows.bool(detail, "typed"), Rows.text(first, "score"), Rows.text(first, "note"),
                Rows.text(first, "source"), List.copyOf(sources));
    }
}
