package org.lodestar.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.system.Txn;
import org.lodestar.search.SearchHit;
import org.lodestar.view.PageChrome;

/**
 * {@code /query}: YASGUI, bundled in the jar ({@code /assets/yasgui/}), on this server's endpoint,
 * with a tab for each example query and, given {@code ?query=}, one for that query (YASGUI reads
 * the parameter itself). Without JavaScript the page is a form that sends the query to the endpoint.
 */
final class QueryServlet extends HttpServlet {
    static final int MAX_QUERY = 20_000;

    private final Site site;

    QueryServlet(Site site) { this.site = site; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getParameter("query");
        if (query != null && query.length() > MAX_QUERY) {
            Http.text(resp, HttpServletResponse.SC_BAD_REQUEST, "query is longer than " + MAX_QUERY + " characters\n");
            return;
        }
        String concept = Txn.calculateRead(site.dataset(), () -> site.ontology().classForKey("concept")
                .map(c -> SearchServlet.hubs(site, c, 1)).filter(l -> !l.isEmpty()).map(l -> l.get(0)).map(SearchHit::uri)
                .orElse(null));
        Map<String, Object> scope = new HashMap<>();
        List<EditorQueries.Example> examples = EditorQueries.examples(concept);
        scope.put("examples", examples.stream().map(EditorQueries.Example::scope).toList());
        scope.put("plainQuery", query != null ? query : examples.get(0).query());
        scope.put("endpoint", LodestarServer.DATASET + "/sparql");
        scope.put("base", site.uris().base());
        PageChrome.crumbs(scope, List.of(PageChrome.crumb("Home", "/"), PageChrome.crumb("Query editor", null)));
        PageChrome.formats(scope, List.of());
        resp.setHeader("Cache-Control", "no-cache");
        Http.send(resp, HttpServletResponse.SC_OK, Format.HTML.contentType(), Templates.render("query.html.mustache", scope));
    }
}
