package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.sparql.exec.QueryExec;
import org.lodestar.ontology.EntityClass;
import org.lodestar.search.SearchHit;
import org.lodestar.view.PageChrome;

/**
 * {@code /}: the front door. What the graph holds (entities per class, {@code home-counts.rq}), the
 * data version and the last build, the best connected entities of each class
 * ({@code class-hubs.rq}, by the stored degree), the pages changed last ({@code recent-pages.rq}),
 * and the ways in: search, the query editor, the ontology, VoID, the dumps and the endpoint. Made
 * once per commit and kept with the other rendered answers.
 */
final class HomeServlet extends HttpServlet {
    static final int HUBS_PER_CLASS = 5;
    private static final Pattern ID = Pattern.compile("([a-z]+):([a-z0-9]++(?:-[a-z0-9]++)*+)");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Site site;

    HomeServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the servlet is mapped to the root alone; anything else under it is not a page of ours
        String path = req.getRequestURI();
        if (!"/".equals(path) && !"".equals(path)) {
            NotFound.send(req, resp, "No such page: " + "see / for what this server offers.", null);
            return;
        }
        Versions.DataVersion version = site.version();
        String etag = Http.etag("home", version.hash(), Versions.code());
        if (Http.validators(req, resp, etag, version.modified()))
            return;
        ResponseCache.Served served = site.rendered("home", () -> new ResponseCache.Rendered(
                render(site.version()).getBytes(StandardCharsets.UTF_8)));
        served.header(resp);
        byte[] body = served.rendered().body();
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(Format.HTML.contentType());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private String render(Versions.DataVersion version) {
        Map<String, Object> scope = new HashMap<>();
        List<Map<String, Object>> classes = new ArrayList<>();
        long total = 0;
        String concept = null;
        try (QueryExec qe = QueryExec.dataset(site.dataset()).query(Queries.get("home-counts")).build()) {
            var rows = qe.select();
            while (rows.hasNext()) {
                var b = rows.next();
                var cls = site.ontology().classForIri(b.get("class"));
                if (cls.isEmpty())
                    continue;
                long n = Long.parseLong(b.get("entities").getLiteralLexicalForm());
                total += n;
                List<SearchHit> hubs = SearchServlet.hubs(site, cls.get(), HUBS_PER_CLASS);
                if ("concept".equals(cls.get().typeKey()) && !hubs.isEmpty())
                    concept = hubs.get(0).uri();
                classes.add(card(cls.get(), n, hubs));
            }
        }
        scope.put("classes", classes);
        scope.put("entities", total);
        scope.put("classCount", classes.size());
        scope.put("version", version.hash().length() > 12 ? version.hash().substring(0, 12) : version.hash());
        scope.put("built", SHOWN.format(version.modified()));
        scope.put("builtIso", version.modified().toString());
        List<Map<String, Object>> recent = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(site.dataset()).query(Queries.get("recent-pages")).build()) {
            qe.select().forEachRemaining(b -> {
                var m = ID.matcher(b.get("id").getLiteralLexicalForm());
                if (!m.matches())
                    return;
                Map<String, Object> r = new HashMap<>();
                r.put("label", b.get("label").getLiteralLexicalForm());
                r.put("type", m.group(1));
                r.put("href", new EntityPath(m.group(1), m.group(2), null).docPath());
                String when = b.get("modified").getLiteralLexicalForm();
                r.put("when", when.replace('T', ' ').replace("Z", " UTC"));
                r.put("whenIso", when);
                recent.add(r);
            });
        }
        scope.put("recent", recent);
        scope.put("hasRecent", !recent.isEmpty());
        List<Map<String, Object>> examples = new ArrayList<>();
        for (EditorQueries.Example e : EditorQueries.examples(concept))
            examples.add(Map.of("name", e.name(), "href", EditorQueries.link(e.query())));
        scope.put("examples", examples);
        PageChrome.crumbs(scope, List.of());
        PageChrome.formats(scope, List.of());
        return Templates.render("home.html.mustache", scope);
    }

    private static Map<String, Object> card(EntityClass cls, long count, List<SearchHit> hubs) {
        Map<String, Object> c = new HashMap<>();
        c.put("key", cls.typeKey());
        c.put("heading", cls.heading());
        c.put("count", count);
        c.put("href", "/search?class=" + cls.typeKey());
        c.put("hubs", hubs.stream().map(h -> {
            Map<String, Object> m = new HashMap<>();
            var id = ID.matcher(h.id());
            m.put("href", id.matches() ? new EntityPath(id.group(1), id.group(2), null).docPath() : null);
            m.put("label", h.label());
            m.put("degree", h.degree());
            return m;
        }).toList());
        c.put("hasHubs", !hubs.isEmpty());
        return c;
    }
}
