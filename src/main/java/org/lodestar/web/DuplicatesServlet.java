package org.lodestar.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.main.FusekiServer;
import org.lodestar.similarity.DuplicateCandidates;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;

/**
 * {@code /duplicates[.json][?min=0.9]}: the duplicate candidates, same-class pairs whose similarity
 * reaches {@code min}, among the links the server shows ({@code --similarity}). HTML for browsers,
 * JSON by the {@code .json} extension or by Accept. Rules: {@code .json} always gives JSON; otherwise
 * the Accept header chooses between HTML and JSON, HTML first, so a browser, {@code * /*} and no
 * Accept all get HTML; nothing acceptable is a 406. At most {@link #SHOWN} pairs are listed, best first;
 * {@code count} says how many there are.
 */
final class DuplicatesServlet extends HttpServlet {
    static final String PATH = "/duplicates";
    /** Pairs shown at most: a page for people and scripts, not a dump; a higher min narrows it. */
    static final int SHOWN = 1000;
    private static final String HTML = "text/html", JSON_TYPE = "application/json";
    private static final AcceptList OFFERS = AcceptList.create(HTML, JSON_TYPE);
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("templates").compile("duplicates.html.mustache");

    private final KnowledgeStore store;
    private final SimilarityMode mode;

    DuplicatesServlet(ServerSettings settings, KnowledgeStore store) {
        this.store = store;
        this.mode = settings.similarity() == null ? SimilarityMode.BOTH : settings.similarity().mode();
    }

    /** Adds {@code /duplicates} and {@code /duplicates.json}. */
    static void register(FusekiServer.Builder builder, ServerSettings settings, KnowledgeStore store) {
        DuplicatesServlet servlet = new DuplicatesServlet(settings, store);
        builder.addServlet(PATH, servlet);
        builder.addServlet(PATH + ".json", servlet);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        Http.options(resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        boolean json = req.getRequestURI().endsWith(".json");
        String accept = req.getHeader("Accept");
        if (!json) {
            resp.setHeader("Vary", "Accept");
            MediaType chosen = accept == null || accept.isBlank() ? MediaType.create(HTML)
                    : AcceptList.match(new AcceptList(accept), OFFERS);
            if (chosen == null) {
                Http.text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Nothing here matches Accept: " + accept
                        + "\nAvailable: " + HTML + ", " + JSON_TYPE + " (or " + PATH + ".json)\n");
                return;
            }
            json = chosen.getContentTypeStr().equals(JSON_TYPE);
        }
        BigDecimal min;
        try {
            min = min(req.getParameter("min"));
        } catch (IllegalArgumentException e) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        List<DuplicateCandidates.Pair> pairs = DuplicateCandidates.find(store.dataset(), min, mode);
        BigDecimal floor = mode.showsComputed() ? DuplicateCandidates.storedThreshold(store.dataset()).orElse(null) : null;
        if (json)
            Http.send(resp, 200, JSON_TYPE + "; charset=utf-8", json(min, floor, pairs));
        else
            Http.send(resp, 200, HTML + "; charset=utf-8", html(min, floor, pairs));
    }

    static BigDecimal min(String value) {
        try {
            return DuplicateCandidates.minimum(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("min: " + e.getMessage());
        }
    }

    private String json(BigDecimal min, BigDecimal floor, List<DuplicateCandidates.Pair> pairs) {
        JsonObject o = new JsonObject();
        o.put("min", JsonNumber.value(min));
        o.put("similarity", mode.word());
        o.put("storedFrom", floor == null ? JsonNull.instance : JsonNumber.value(floor));
        o.put("count", pairs.size());
        o.put("shown", Math.min(SHOWN, pairs.size()));
        JsonArray list = new JsonArray();
        for (DuplicateCandidates.Pair p : pairs.subList(0, Math.min(SHOWN, pairs.size()))) {
            JsonObject j = new JsonObject();
            j.put("type", str(p.typeKey()));
            j.put("score", JsonNumber.value(p.score()));
            j.put("a", member(p.a()));
            j.put("b", member(p.b()));
            JsonArray scores = new JsonArray();
            for (DuplicateCandidates.Score s : p.scores()) {
                JsonObject so = new JsonObject();
                so.put("source", str(s.source()));
                so.put("score", JsonNumber.value(s.score()));
                so.put("page", str(s.page()));
                scores.add(so);
            }
            j.put("scores", scores);
            list.add(j);
        }
        o.put("pairs", list);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.write(out, o);
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    private static JsonObject member(DuplicateCandidates.Member m) {
        JsonObject o = new JsonObject();
        o.put("uri", str(m.iri()));
        o.put("id", str(m.id()));
        o.put("label", str(m.label()));
        return o;
    }

    private static JsonValue str(String s) {
        return s == null ? JsonNull.instance : new JsonString(s);
    }

    /** Every key present, null when absent, so that a missing value never falls through to an outer one. */
    private String html(BigDecimal min, BigDecimal floor, List<DuplicateCandidates.Pair> pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put("min", min.toPlainString());
        m.put("similarity", switch (mode) {
            case BOTH -> "imported from seed pages and computed";
            case COMPUTED -> "computed only";
            case IMPORTED -> "imported from seed pages only";
        });
        m.put("floor", floor == null ? null : floor.toPlainString());
        m.put("note", floor != null && min.compareTo(floor) < 0
                ? "Computed links below " + floor.toPlainString() + " were not stored, so none of them can show here." : null);
        m.put("count", pairs.size());
        m.put("truncated", pairs.size() > SHOWN ? "The first " + SHOWN + " are shown; a higher minimum narrows the list." : null);
        m.put("hasPairs", !pairs.isEmpty());
        m.put("pairs", pairs.stream().limit(SHOWN).map(DuplicatesServlet::pairScope).toList());
        org.lodestar.view.PageChrome.crumbs(m, List.of(org.lodestar.view.PageChrome.crumb("Home", "/"),
                org.lodestar.view.PageChrome.crumb("Duplicate candidates", null)));
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, m);
        return out.toString();
    }

    private static Map<String, Object> pairScope(DuplicateCandidates.Pair p) {
        Map<String, Object> m = new HashMap<>();
        m.put("score", p.score().toPlainString());
        m.put("typeKey", p.typeKey());
        m.put("a", memberScope(p.a()));
        m.put("b", memberScope(p.b()));
        m.put("scores", p.scores().stream().map(s -> {
            Map<String, Object> sm = new HashMap<>();
            sm.put("source", s.source());
            sm.put("score", s.score().toPlainString());
            sm.put("page", s.page());
            return sm;
        }).toList());
        return m;
    }

    /** The entity's view, {@code /view/{type}/{slug}}, from its identifier; its IRI when it has none. */
    private static Map<String, Object> memberScope(DuplicateCandidates.Member e) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", e.id());
        m.put("label", e.label() == null ? e.iri() : e.label());
        m.put("href", e.id() != null && e.id().contains(":") ? "/view/" + e.id().replaceFirst(":", "/") : e.iri());
        return m;
    }
}
