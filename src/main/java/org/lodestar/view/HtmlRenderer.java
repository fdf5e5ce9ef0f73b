package org.lodestar.view;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.ontology.Ontology;

/**
 * The entity page: {@code templates/view.html.mustache}, compiled once, filled from plain maps
 * (every key present, null when absent, so that a missing value never falls through to an outer
 * one). Mustache escapes every value for HTML; the template uses no unescaped tags.
 */
final class HtmlRenderer {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("templates").compile("view.html.mustache");
    private static final Ontology ONTOLOGY = Ontology.load();

    private HtmlRenderer() {}

    static String render(EntityView v) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, scope(v));
        return out.toString();
    }

    private static Map<String, Object> scope(EntityView v) {
        Map<String, Object> m = new HashMap<>();
        m.put("label", v.label());
        m.put("typeKey", v.typeKey());
        m.put("status", v.status());
        m.put("id", v.id());
        m.put("uri", v.uri());
        m.put("description", v.description());
        m.put("groups", v.groups().stream().map(g -> group(g, v.options())).toList());
        boolean paged = v.options().group() != null || v.options().page() > 1;
        m.put("paged", paged);
        m.put("wholeView", Links.view(v.typeKey(), v.slug()) + ".html");
        m.put("similar", v.similar() == null || v.similar().count() == 0 ? null : similar(v.similar()));
        PageChrome.formats(m, formats(v));
        PageChrome.entityCrumbs(m, v.typeKey(), heading(v.typeKey()), v.label());
        m.put("docPage", Links.document(v.typeKey(), v.slug()));
        m.put("editor", Links.editorAbout(v.uri()));
        m.put("picture", paged ? null : NeighbourhoodPicture.scope(v, Links::entityPage));
        return m;
    }

    /** The plural heading of a class ("Concepts"), as the ontology gives it. */
    private static String heading(String typeKey) {
        return ONTOLOGY.classForKey(typeKey).map(c -> c.heading()).orElse(typeKey);
    }

    private static Map<String, Object> group(EntityView.Group g, ViewOptions options) {
        Map<String, Object> m = new HashMap<>();
        m.put("groupType", g.typeKey());
        m.put("heading", g.heading());
        m.put("count", g.count());
        m.put("firstRank", g.firstRank());
        m.put("lastRank", g.firstRank() + g.members().size() - 1);
        m.put("hasMembers", !g.members().isEmpty());
        m.put("members", g.members().stream().map(x -> {
            Map<String, Object> item = new HashMap<>();
            item.put("href", Links.entityPage(x.id()));
            item.put("name", x.label());
            item.put("edge", x.edge());
            item.put("justification", x.edge() == null ? null : x.justification());
            return item;
        }).toList());
        m.put("pager", g.hasNext() || g.hasPrevious());
        m.put("next", g.hasNext() ? Links.groupPage(g.typeKey(), g.page() + 1, options) : null);
        m.put("previous", g.hasPrevious() ? Links.groupPage(g.typeKey(), g.page() - 1, options) : null);
        return m;
    }

    private static Map<String, Object> similar(EntityView.Similar s) {
        Map<String, Object> m = new HashMap<>();
        m.put("similarCount", s.count());
        m.put("threshold", s.threshold().toPlainString());
        m.put("explanation", TextRenderer.SIMILARITY_EXPLANATION);
        m.put("similarMembers", s.members().stream().map(x -> {
            Map<String, Object> item = new HashMap<>();
            item.put("href", Links.entityPage(x.id()));
            item.put("name", x.label());
            item.put("typeName", x.typed() ? x.typeKey() : null);
            item.put("score", x.score());
            item.put("note", x.note());
            item.put("sourceText", sources(x));
            return item;
        }).toList());
        return m;
    }

    /** "imported", or every source with its score when several links pair the two. */
    private static String sources(EntityView.SimilarMember x) {
        if (x.sources().size() <= 1)
            return x.source();
        List<String> parts = new ArrayList<>();
        for (EntityView.SimilarSource s : x.sources())
            parts.add(s.source() + (s.score() == null ? "" : " " + s.score()));
        return String.join(" · ", parts);
    }

    private static List<Map<String, Object>> formats(EntityView v) {
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(format("This view as JSON", ViewFormat.JSON.mediaType(), Links.view(v.typeKey(), v.slug(), ViewFormat.JSON)));
        list.add(format("This view in the seed text format", ViewFormat.TEXT.mediaType(), Links.view(v.typeKey(), v.slug(), ViewFormat.TEXT)));
        for (Links.RdfFormat f : Links.RDF_FORMATS)
            list.add(format("RDF: " + f.name(), f.mediaType(), Links.document(v.typeKey(), v.slug(), f.extension())));
        return list;
    }

    private static Map<String, Object> format(String name, String mediaType, String href) {
        return Map.of("name", name, "mediaType", mediaType, "href", href);
    }
}
