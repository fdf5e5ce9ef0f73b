package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/** {@code /duplicates} on the real server, on a free port. */
class DuplicatesServerTest {
    static final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static KnowledgeStore store;

    @BeforeAll
    static void build() throws Exception {
        store = KnowledgeStore.inMemory();
        Fixtures.build(store, Fixtures.duplicatePages(dir), Fixtures.derivation(SimilaritySettings.DEFAULT, EmbeddingCache.inMemory()));
    }

    static FusekiServer start(SimilarityMode mode) {
        return LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), Fixtures.BASE, null, 10_000,
                new SimilaritySettings(mode, SimilaritySettings.DEFAULT_THRESHOLD, SimilaritySettings.DEFAULT_K)), store);
    }

    static HttpResponse<String> get(FusekiServer server, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void htmlForBrowsersWithEverythingEscaped() throws Exception {
        FusekiServer server = start(SimilarityMode.BOTH);
        try {
            HttpResponse<String> r = get(server, "/duplicates?min=0.85",
                    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            String body = r.body();
            assertTrue(body.contains("Reward Hacking Behaviour") && body.contains("concept:specification-gaming"), body);
            assertTrue(body.contains("Reward &lt;Hacking&gt; &amp; &quot;Gaming&quot;"), "labels are escaped: " + body);
            assertFalse(body.contains("<Hacking>"), body);
            assertTrue(body.contains("all-MiniLM-L6-v2") && body.contains("imported 0.934"), body);
            assertTrue(body.contains("href=\"/view/concept/reward-hacking-behaviour\""), body);
        } finally {
            server.stop();
        }
    }

    @Test
    void jsonByExtensionOrAccept() throws Exception {
        FusekiServer server = start(SimilarityMode.BOTH);
        try {
            for (String[] ask : new String[][] {{"/duplicates.json", null}, {"/duplicates", "application/json"},
                    {"/duplicates", "text/html;q=0.5, application/json"}}) {
                HttpResponse<String> r = get(server, ask[0], ask[1]);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), String.join(" ", ask));
                JsonObject o = JSON.parse(r.body());
                assertEquals(2, o.get("count").getAsNumber().value().intValue(), r.body());
                assertEquals("both", o.get("similarity").getAsString().value());
                JsonObject first = o.get("pairs").getAsArray().get(0).getAsObject();
                assertEquals("concept:reward-hacking", first.get("a").getAsObject().get("id").getAsString().value());
                assertEquals("concept:reward-hacking-behaviour", first.get("b").getAsObject().get("id").getAsString().value());
                assertEquals("all-MiniLM-L6-v2", first.get("scores").getAsArray().get(0).getAsObject().get("source").getAsString().value());
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theServersModeHidesLinksAndBadRequestsSayWhy() throws Exception {
        FusekiServer server = start(SimilarityMode.COMPUTED);
        try {
            JsonArray pairs = JSON.parse(get(server, "/duplicates.json", null).body()).get("pairs").getAsArray();
            assertEquals(1, pairs.size(), "the imported 0.934 is not shown with --similarity computed");
            HttpResponse<String> bad = get(server, "/duplicates?min=lots", null);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("min: 'lots' is not a score from 0 to 1"), bad.body());
            assertEquals(406, get(server, "/duplicates", "image/png").statusCode());
            assertEquals(200, get(server, "/duplicates", null).statusCode(), "no Accept: HTML");
        } finally {
            server.stop();
        }
    }
}
