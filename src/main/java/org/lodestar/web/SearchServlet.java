package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * {@code /search?q=}: entities whose label contains the words, best matches first
 * ({@code search-labels.rq}). The text reaches the query only as a bound string literal. HTML for
 * browsers, JSON for everyone else.
 */
final class SearchServlet extends HttpServlet {
    static final int MAX_QUERY = 200;
    private static final ContentNegotiation CONNEG = new ContentNegotiation(List.of(Format.JSON, Format.HTML));
    private static final Pattern ID = Pattern.compile("([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)");

    private final Site site;

    SearchServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Http.cors(resp);
        resp.setHeader("Vary", "Accept");
        Format f = CONNEG.choose(req.getHeader("Accept")).orElse(Format.JSON);
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        if (q.length() > MAX_QUERY) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, "q is longer than " + MAX_QUERY + " characters\n");
            return;
        }
        List<Map<String, Object>> hits = q.isEmpty() ? List.of() : search(q);
        resp.setHeader("Cache-Control", Http.CACHE_CONTROL);
        if (f == Format.HTML) {
            Map<String, Object> scope = new HashMap<>();
            scope.put("query", q);
            scope.put("hits", hits);
            scope.put("searched", !q.isEmpty());
            scope.put("none", !q.isEmpty() && hits.isEmpty());
            Http.send(resp, HttpServletResponse.SC_OK, Format.HTML.contentType(), Templates.render("search-page.html.mustache", scope));
            return;
        }
        JsonArray results = new JsonArray();
        for (Map<String, Object> h : hits) {
            JsonObject o = new JsonObject();
            o.put("id", (String) h.get("id"));
            o.put("label", (String) h.get("label"));
            o.put("uri", (String) h.get("uri"));
            o.put("page", (String) h.get("href"));
            results.add(o);
        }
        JsonObject body = new JsonObject();
        body.put("q", q);
        body.put("results", results);
        Http.send(resp, HttpServletResponse.SC_OK, Format.JSON.contentType(), body.toString() + "\n");
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) { Http.options(resp); }

    private List<Map<String, Object>> search(String q) {
        return Txn.calculateRead(site.dataset(), () -> {
            List<Map<String, Object>> hits = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(site.dataset()).query(Queries.get("search-labels"))
                    .substitution("q", NodeFactory.createLiteralString(q)).build()) {
                qe.select().forEachRemaining(b -> {
                    var m = ID.matcher(b.get("id").getLiteralLexicalForm());
                    if (!m.matches())
                        return;
                    Map<String, Object> hit = new HashMap<>();
                    hit.put("id", m.group());
                    hit.put("label", b.get("label").getLiteralLexicalForm());
                    hit.put("uri", b.get("entity").getURI());
                    hit.put("href", new EntityPath(m.group(1), m.group(2), null).docPath());
                    hit.put("type", m.group(1));
                    hits.add(hit);
                });
            }
            return hits;
        });
    }
}
