package org.lodestar.view;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The view as JSON: the fields the issue names ({@code id, uri, type, status, label, description,
 * groups[type, heading, count, members[uri, id, label, edge, justifications, edgeCount, degree],
 * next], similar{threshold, members[uri, id, label, type, score, note, source]}}) and what the
 * other renderings show besides (the line's justification, all edge keys, paging, every source of
 * a similarity). Absent values are {@code null}; scores are numbers. Written as a stream: a hub's
 * view runs to half a megabyte, and building it as a tree first took twice as long.
 */
final class JsonRenderer {
    private JsonRenderer() {}

    /** On one line: indenting a hub's view took a tenth of its time. */
    static String render(EntityView v) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setSerializeNulls(true);
            w.setHtmlSafe(false);
            view(w, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.append('\n').toString();
    }

    private static void view(JsonWriter w, EntityView v) throws IOException {
        w.beginObject();
        w.name("id").value(v.id());
        w.name("uri").value(v.uri());
        w.name("type").value(v.typeKey());
        w.name("status").value(v.status());
        w.name("label").value(v.label());
        w.name("description").value(v.description());
        w.name("seedPage").value(v.seedPage());
        w.name("groups");
        array(w, v.groups(), g -> group(w, g, v.options()));
        w.name("similar");
        if (v.similar() == null)
            w.nullValue();
        else
            similar(w, v.similar());
        w.endObject();
    }

    private static void group(JsonWriter w, EntityView.Group g, ViewOptions options) throws IOException {
        w.beginObject();
        w.name("type").value(g.typeKey());
        w.name("heading").value(g.heading());
        w.name("count").value(g.count());
        w.name("page").value(g.page());
        w.name("pageSize").value(g.pageSize());
        w.name("members");
        array(w, g.members(), m -> member(w, m));
        w.name("next").value(g.hasNext() ? Links.groupPage(g.typeKey(), g.page() + 1, options) : null);
        w.name("previous").value(g.hasPrevious() ? Links.groupPage(g.typeKey(), g.page() - 1, options) : null);
        w.endObject();
    }

    private static void member(JsonWriter w, EntityView.Member m) throws IOException {
        w.beginObject();
        w.name("uri").value(m.uri());
        w.name("id").value(m.id());
        w.name("label").value(m.label());
        w.name("edge").value(m.edge());
        w.name("justification").value(m.justification());
        w.name("justifications");
        array(w, m.justifications(), j -> {
            w.beginObject();
            w.name("edge").value(j.edge());
            w.name("direction").value(j.outgoing() ? "out" : "in");
            w.name("text").value(j.text());
            w.name("page").value(j.page());
            w.endObject();
        });
        w.name("edges");
        array(w, m.edges(), w::value);
        w.name("edgeCount").value(m.edgeCount());
        w.name("degree").value(m.degree());
        w.name("position").value(m.position());
        w.endObject();
    }

    private static void similar(JsonWriter w, EntityView.Similar s) throws IOException {
        w.beginObject();
        w.name("threshold").value(s.threshold());
        w.name("count").value(s.count());
        w.name("members");
        array(w, s.members(), m -> {
            w.beginObject();
            w.name("uri").value(m.uri());
            w.name("id").value(m.id());
            w.name("label").value(m.label());
            w.name("type").value(m.typeKey());
            w.name("score").value(score(m.score()));
            w.name("note").value(m.note());
            w.name("source").value(m.source());
            w.name("sources");
            array(w, m.sources(), src -> {
                w.beginObject();
                w.name("source").value(src.source());
                w.name("score").value(score(src.score()));
                w.name("note").value(src.note());
                w.name("page").value(src.page());
                w.name("link").value(src.link());
                w.endObject();
            });
            w.endObject();
        });
        w.endObject();
    }

    private interface Item<T> {
        void write(T item) throws IOException;
    }

    private static <T> void array(JsonWriter w, List<T> items, Item<T> each) throws IOException {
        w.beginArray();
        for (T i : items)
            each.write(i);
        w.endArray();
    }

    private static BigDecimal score(String lexical) {
        return lexical == null ? null : new BigDecimal(lexical);
    }
}
