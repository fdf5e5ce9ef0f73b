package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.text;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.util.BesideDatabase;

/**
 * {@code /search} and {@code /search/suggest} over the Lucene index beside the database: found by
 * label, prefix, typo, description and justification, filtered by class; the index made from the
 * data when missing, unreadable or made from other data, and meanwhile answers from SPARQL.
 */
class SearchIndexTest {
    private static final String PAGE = "concept-compliance-gap.txt";

    @TempDir
    Path dir;

    private Path db() { return dir.resolve("tdb2"); }

    private Path index() { return BesideDatabase.file(db(), LodestarModule.SEARCH_SUFFIX); }

    private static FusekiServer start(KnowledgeStore store, Path db) {
        return LodestarServer.start(new ServerSettings(0, db, Path.of("seeds"), WebClient.BASE, null, 10_000,
                SimilaritySettings.IMPORTED_ONLY), store);
    }

    private static HttpResponse<byte[]> search(WebClient web, String path, String q) throws Exception {
        return web.get(path + (path.contains("?") ? "&" : "?") + "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                "Accept", "application/json");
    }

    private static List<String> labels(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), text(r));
        JsonObject body = JSON.parse(text(r));
        return body.get("results").getAsArray().stream().map(JsonValue::getAsObject)
                .map(o -> o.get("label").getAsString().value()).toList();
    }

    /** Waits (20 s at most) until the index answers. */
    private static void awaitIndex(WebClient web) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            if ("index".equals(header(search(web, "/search/suggest", "x"), "X-Search")))
                return;
            Thread.sleep(50);
        }
        fail("the search index was not made within 20 s");
    }

    @Test
    void labelsPrefixesTyposDescriptionsJustificationsAndClasses() throws Exception {
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        FusekiServer server = start(store, null);
        try {
            WebClient web = new WebClient(server);
            awaitIndex(web);
            assertEquals("Compliance Gap", labels(search(web, "/search", "compliance gap")).get(0), "the whole label first");
            assertEquals("Compliance Gap", labels(search(web, "/search", "complience gap")).get(0), "a typo");
            assertEquals("Compliance Gap", labels(search(web, "/search/suggest", "complia")).get(0), "a prefix, as one types");
            assertTrue(labels(search(web, "/search/suggest", "situational awar")).contains("Situational Awareness"));
            // a word only its description has ("Difference between how often a model complies ...")
            assertTrue(labels(search(web, "/search", "difference")).contains("Compliance Gap"));
            // a word of a justification only: either end of the edge it justifies
            List<String> why = labels(search(web, "/search", "implied training context"));
            assertTrue(why.contains("Compliance Gap") || why.contains("Situational Awareness"), why.toString());
            List<String> papers = labels(search(web, "/search?class=paper", "alignment"));
            assertEquals(List.of("Alignment Faking in Large Language Models"), papers);
            assertTrue(labels(search(web, "/search/suggest", "zzqx")).isEmpty());
            // Lucene's query syntax is not syntax here, just characters
            for (String q : new String[] {"AND (", "\"unbalanced", "title:x*", "~2 ^3 [a TO b]", "\\", "*"})
                assertEquals(200, search(web, "/search", q).statusCode(), q);
            assertEquals(400, web.get("/search?q=x&class=nonsense", "Accept", "application/json").statusCode());
            // a class with no words lists its best connected, on the page breadcrumbs link to
            String concepts = text(web.get("/search?class=concept", "Accept", "text/html"));
            assertTrue(concepts.contains("<h1>Concepts</h1>") && concepts.contains(">Alignment Faking</a>"), concepts);
        } finally {
            server.stop();
        }
    }

    @Test
    void theIndexBesideTheDatabaseIsMadeAgainWhenMissingUnreadableOrStale() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = WebClient.buildOnDisk(db(), seeds);
        FusekiServer server = start(store, db());
        try {
            awaitIndex(new WebClient(server));
        } finally {
            server.stop();
        }
        assertTrue(Files.isDirectory(index()), "made beside the database: " + index());

        // a server started on the same data answers from the index at its first request
        server = start(store, db());
        try {
            assertEquals("index", header(search(new WebClient(server), "/search", "compliance"), "X-Search"));
        } finally {
            server.stop();
        }

        // other data: until the index is made again, SPARQL over labels answers, correctly
        WebClient.describeAs(seeds.resolve(PAGE), "A gap first measured on zanzibarian questions");
        WebClient.buildInto(store, seeds);
        server = start(store, db());
        try {
            WebClient web = new WebClient(server);
            HttpResponse<byte[]> first = search(web, "/search", "compliance gap");
            assertEquals("labels", header(first, "X-Search"));
            assertTrue(labels(first).contains("Compliance Gap"));
            awaitIndex(web);
            assertEquals(List.of("Compliance Gap"), labels(search(web, "/search", "zanzibarian")), "the new description is indexed");
        } finally {
            server.stop();
        }
        try (Stream<Path> beside = Files.list(dir)) {
            List<String> names = beside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tdb2.search")).toList();
            assertEquals(List.of("tdb2.search"), names, "no half-made or old index left");
        }

        // an unreadable index is made again
        try (Stream<Path> files = Files.list(index())) {
            for (Path f : files.toList())
                Files.write(f, new byte[] {1, 2, 3});
        }
        server = start(store, db());
        try {
            WebClient web = new WebClient(server);
            assertFalse(labels(search(web, "/search", "compliance")).isEmpty());
            awaitIndex(web);
            assertEquals("Compliance Gap", labels(search(web, "/search", "complience gap")).get(0));
        } finally {
            server.stop();
        }
    }
}
