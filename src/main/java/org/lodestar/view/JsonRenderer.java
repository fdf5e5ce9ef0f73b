package org.lodestar.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/**
 * The view as JSON: the fields the issue names ({@code id, uri, type, status, label, description,
 * groups[type, heading, count, members[uri, id, label, edge, justifications, edgeCount, degree],
 * next], similar{threshold, members[uri, id, label, type, score, note, source]}}) and what the
 * other renderings show besides (the line's justification, all edge keys, paging, every source of
 * a similarity). Absent values are {@code null}; scores are numbers.
 */
final class JsonRenderer {
    private JsonRenderer() {}

    /** On one line: a hub's view runs to half a megabyte, and indenting it took a tenth of its time. */
    static String render(EntityView v) {
        return JSON.toStringFlat(toJson(v)) + "\n";
    }

    static JsonObject toJson(EntityView v) {
        JsonObject o = new JsonObject();
        o.put("id", str(v.id()));
        o.put("uri", str(v.uri()));
        o.put("type", str(v.typeKey()));
        o.put("status", str(v.status()));
        o.put("label", str(v.label()));
        o.put("description", str(v.description()));
        o.put("seedPage", str(v.seedPage()));
        o.put("groups", array(v.groups(), g -> group(g, v.options())));
        o.put("similar", v.similar() == null ? JsonNull.instance : similar(v.similar()));
        return o;
    }

    private static JsonObject group(EntityView.Group g, ViewOptions options) {
        JsonObject o = new JsonObject();
        o.put("type", g.typeKey());
        o.put("heading", g.heading());
        o.put("count", g.count());
        o.put("page", g.page());
        o.put("pageSize", g.pageSize());
        o.put("members", array(g.members(), JsonRenderer::member));
        o.put("next", g.hasNext() ? str(Links.groupPage(g.typeKey(), g.page() + 1, options)) : JsonNull.instance);
        o.put("previous", g.hasPrevious() ? str(Links.groupPage(g.typeKey(), g.page() - 1, options)) : JsonNull.instance);
        return o;
    }

    private static JsonObject member(EntityView.Member m) {
        JsonObject o = new JsonObject();
        o.put("uri", str(m.uri()));
        o.put("id", str(m.id()));
        o.put("label", str(m.label()));
        o.put("edge", str(m.edge()));
        o.put("justification", str(m.justification()));
        o.put("justifications", array(m.justifications(), j -> {
            JsonObject x = new JsonObject();
            x.put("edge", str(j.edge()));
            x.put("direction", j.outgoing() ? "out" : "in");
            x.put("text", str(j.text()));
            x.put("page", str(j.page()));
            return x;
        }));
        o.put("edges", array(m.edges(), JsonString::new));
        o.put("edgeCount", m.edgeCount());
        o.put("degree", m.degree());
        o.put("position", m.position() == null ? JsonNull.instance : JsonNumber.value(m.position()));
        return o;
    }

    private static JsonObject similar(EntityView.Similar s) {
        JsonObject o = new JsonObject();
        o.put("threshold", JsonNumber.value(s.threshold()));
        o.put("count", s.count());
        o.put("members", array(s.members(), m -> {
            JsonObject x = new JsonObject();
            x.put("uri", str(m.uri()));
            x.put("id", str(m.id()));
            x.put("label", str(m.label()));
            x.put("type", str(m.typeKey()));
            x.put("score", score(m.score()));
            x.put("note", str(m.note()));
            x.put("source", str(m.source()));
            x.put("sources", array(m.sources(), src -> {
                JsonObject y = new JsonObject();
                y.put("source", str(src.source()));
                y.put("score", score(src.score()));
                y.put("note", str(src.note()));
                y.put("page", str(src.page()));
                y.put("link", str(src.link()));
                return y;
            }));
            return x;
        }));
        return o;
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonValue> each) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(each.apply(i)));
        return a;
    }

    private static JsonValue str(String s) {
        return s == null ? JsonNull.instance : new JsonString(s);
    }

    private static JsonValue score(String lexical) {
        return lexical == null ? JsonNull.instance : JsonNumber.value(new BigDecimal(lexical));
    }
}
