package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.text;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestar.store.KnowledgeStore;

/** The home page, the query editor's page and the assets over HTTP: what they hold, their validators, and what they refuse. */
class SitePagesTest {
    private static FusekiServer server;
    private static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        server = WebClient.start(store, null);
        web = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theHomePageSaysWhatTheGraphHoldsAndIsRevalidated() throws Exception {
        HttpResponse<byte[]> home = web.get("/", "Accept", "text/html");
        assertEquals(200, home.statusCode());
        String html = text(home);
        assertTrue(html.contains("<span class=\"count\">15</span> Concepts"), html);
        // the most connected concept first, with its degree from the derived graph
        assertTrue(html.contains("<a href=\"/doc/concept/alignment-faking\">Alignment Faking</a> <span class=\"muted\">"), html);
        assertTrue(html.contains("id=\"recent-changes\""), "recent changes: " + html);
        assertTrue(html.contains("id=\"last-build\""), html);
        assertTrue(html.contains("<main id=\"main\""), "a main landmark");
        String etag = header(home, "ETag");
        assertEquals(304, web.get("/", "If-None-Match", etag).statusCode());
        assertEquals(404, web.get("/nothing-here").statusCode());
    }

    @Test
    void theEditorPageOffersTheExamplesAndAQueryOfOnesOwn() throws Exception {
        String page = text(web.get("/query"));
        assertTrue(page.contains("data-name=\"Who studies it\""), page);
        assertTrue(page.contains("kg:studies &lt;" + WebClient.BASE + "id/concept/alignment-faking&gt;"), "the best connected concept, escaped");
        assertTrue(page.contains("<script src=\"/assets/yasgui/yasgui.min.js\" defer></script>"), page);
        String mine = "SELECT * WHERE { ?s ?p \"</textarea><script>alert(1)</script>\" }";
        String shown = text(web.get("/query?query=" + URLEncoder.encode(mine, StandardCharsets.UTF_8)));
        assertFalse(shown.contains("<script>alert(1)"), shown);
        assertTrue(shown.contains("&lt;/textarea&gt;&lt;script&gt;"), shown);
        assertEquals(400, web.get("/query?query=" + "x".repeat(QueryServlet.MAX_QUERY + 1)).statusCode());
        // an entity's page links the editor with a query about it
        String doc = text(web.get("/doc/concept/compliance-gap", "Accept", "text/html"));
        assertTrue(doc.contains("id=\"open-in-editor\""), doc);
        assertTrue(doc.contains("/query?query&#61;") && doc.contains(URLEncoder.encode("<" + WebClient.BASE + "id/concept/compliance-gap>",
                StandardCharsets.UTF_8)), doc);
    }

    @Test
    void assetsComeFromTheJarAndNothingElseDoes() throws Exception {
        HttpResponse<byte[]> css = web.get("/assets/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(header(css, "Content-Type").startsWith("text/css"));
        assertEquals(304, web.get("/assets/site.css", "If-None-Match", header(css, "ETag")).statusCode());
        assertEquals(200, web.get("/assets/site.js").statusCode());
        HttpResponse<byte[]> yasgui = web.get("/assets/yasgui/yasgui.min.js");
        assertEquals(200, yasgui.statusCode());
        assertTrue(yasgui.body().length > 100_000, "the bundled editor");
        assertTrue(text(web.get("/assets/yasgui/LICENSE.txt")).contains("MIT"));
        for (String bad : new String[] {"/assets/../pom.xml", "/assets/%2e%2e/pom.xml", "/assets/templates/home.html.mustache",
                "/assets/queries/home-counts.rq", "/assets/", "/assets/nothing.js"})
            assertTrue(web.get(bad).statusCode() >= 400, bad);
    }
}
