package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.headers;
import static org.lodestar.web.WebClient.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;

/**
 * The server keeps rendered views and documents: asked again, it answers the same bytes from
 * memory ({@code X-Cache: HIT}), and any write (a build, a SPARQL update) is seen at the next
 * request, from a cache that still holds the answers made before it.
 */
class ResponseCacheTest {
    private static final String PAGE = "concept-compliance-gap.txt";
    private static final String BEFORE = "Difference between how often a model complies";
    private static final String AFTER = "A description a rebuild wrote while the server ran";

    @TempDir
    Path dir;

    private KnowledgeStore seededStore(Path seeds) throws Exception {
        return WebClient.buildOnDisk(dir.resolve("tdb2"), seeds);
    }

    private static FusekiServer start(KnowledgeStore store, long cacheMegabytes) {
        return start(store, cacheMegabytes, null);
    }

    private static FusekiServer start(KnowledgeStore store, long cacheMegabytes, Path passwd) {
        return LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), WebClient.BASE, passwd, 10_000,
                SimilaritySettings.IMPORTED_ONLY, cacheMegabytes), store);
    }

    private static final String[] PATHS = {"/view/concept/compliance-gap.json", "/doc/concept/compliance-gap.ttl",
            "/view/concept/compliance-gap.html", "/doc/concept/compliance-gap.html"};

    /** Each path answered twice: made (a miss), then from the cache, the same bytes and headers. */
    private static void missThenHit(WebClient web, String expected) throws Exception {
        for (String path : PATHS) {
            HttpResponse<byte[]> first = web.get(path), second = web.get(path);
            assertEquals(200, first.statusCode(), path);
            assertEquals("MISS", header(first, "X-Cache"), path);
            assertEquals("HIT", header(second, "X-Cache"), path);
            assertTrue(text(first).contains(expected), path + ": " + text(first));
            assertArrayEquals(first.body(), second.body(), path);
            assertEquals(header(first, "ETag"), header(second, "ETag"), path);
            assertEquals(headers(first, "Link"), headers(second, "Link"), path);
        }
    }

    @Test
    void aRebuildIsSeenAtTheNextRequestThoughTheOldAnswersAreKept() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = seededStore(seeds);
        FusekiServer server = start(store, 16);
        try {
            WebClient web = new WebClient(server);
            missThenHit(web, BEFORE);
            WebClient.describeAs(seeds.resolve(PAGE), AFTER);
            WebClient.buildInto(store, seeds);
            missThenHit(web, AFTER);
            for (String path : PATHS)
                assertFalse(text(web.get(path)).contains(BEFORE), path);
        } finally {
            server.stop();
        }
    }

    @Test
    void aSparqlUpdateIsSeenAtTheNextRequest() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = seededStore(seeds);
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        FusekiServer server = start(store, 16, passwd);
        try {
            WebClient web = new WebClient(server);
            missThenHit(web, BEFORE);
            String entity = WebClient.BASE + "id/concept/compliance-gap";
            String update = WebClient.describeAs(entity, AFTER);
            String[] validated = {"/doc/concept/compliance-gap.ttl", "/.well-known/void", "/dump/lodestar.ttl"};
            String[] before = new String[validated.length];
            for (int i = 0; i < validated.length; i++) {
                before[i] = header(web.get(validated[i]), "ETag");
                assertEquals(304, web.get(validated[i], "If-None-Match", before[i]).statusCode(), validated[i]);
            }
            assertEquals(2, ServerEndToEndTest.update(server, update, "curator", "s3cret").statusCode() / 100);
            missThenHit(web, AFTER);
            // the validators move on with the data: a client holding the old ETag gets the new body
            for (int i = 0; i < validated.length; i++) {
                HttpResponse<byte[]> now = web.get(validated[i], "If-None-Match", before[i]);
                assertEquals(200, now.statusCode(), validated[i]);
                assertNotEquals(before[i], header(now, "ETag"), validated[i]);
            }
            // A build of the same pages derives again (the update stopped the stored rankings being
            // read) and keeps the update's token: the data still differs from what the old ETag named.
            WebClient.buildInto(store, seeds);
            assertNotEquals(before[0], header(web.get(validated[0]), "ETag"), "after the next build");
        } finally {
            server.stop();
        }
    }

    @Test
    void pagedDocumentsKeepTheirNextLinkAndNoEntityIsNeverKept() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        FusekiServer cached = start(store, 16), uncached = start(store, 0);
        try {
            WebClient on = new WebClient(cached), off = new WebClient(uncached);
            for (String path : new String[] {"/doc/concept/alignment-faking.ttl", "/doc/concept/alignment-faking.ttl?page=2",
                    "/view/concept/alignment-faking.json", "/view/concept/alignment-faking.json?page=2&group=paper"}) {
                HttpResponse<byte[]> plain = off.get(path);
                for (int i = 0; i < 2; i++) {
                    HttpResponse<byte[]> kept = on.get(path);
                    assertEquals(plain.statusCode(), kept.statusCode(), path);
                    assertArrayEquals(plain.body(), kept.body(), path);
                    assertEquals(headers(plain, "Link"), headers(kept, "Link"), path);
                    assertEquals(header(plain, "ETag"), header(kept, "ETag"), path);
                    if (plain.statusCode() == 200)
                        assertEquals(i == 0 ? "MISS" : "HIT", header(kept, "X-Cache"), path);
                }
            }
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> missing = on.get("/view/concept/no-such-entity.json");
                assertEquals(404, missing.statusCode());
                assertEquals(null, header(missing, "X-Cache"), "nothing is kept for an entity that does not exist");
            }
            assertEquals(null, header(off.get("/view/concept/alignment-faking.json"), "X-Cache"), "--cache 0 keeps nothing");
            assertNotEquals(text(on.get("/view/concept/alignment-faking.json")),
                    text(on.get("/view/concept/alignment-faking.json?threshold=0.9")), "options are part of the key");
        } finally {
            cached.stop();
            uncached.stop();
        }
    }

    @Test
    void aKeptDocumentIsSentDeflatedOrNotAsEachClientAsks() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        FusekiServer server = start(store, 16);
        try {
            WebClient web = new WebClient(server);
            String path = "/doc/concept/alignment-faking.ttl";
            HttpResponse<byte[]> deflatedMiss = web.get(path, "Accept-Encoding", "deflate"), plainHit = web.get(path),
                    deflatedHit = web.get(path, "Accept-Encoding", "deflate");
            assertEquals(List.of("MISS", "HIT", "HIT"), Stream.of(deflatedMiss, plainHit, deflatedHit).map(r -> header(r, "X-Cache")).toList());
            assertEquals(null, header(plainHit, "Content-Encoding"));
            assertArrayEquals(plainHit.body(), WebClient.inflate(deflatedMiss.body()));
            assertArrayEquals(deflatedMiss.body(), deflatedHit.body());
            ResponseCache.Rendered kept = new ResponseCache.Rendered(plainHit.body());
            assertSame(kept.deflated(), kept.deflated(), "deflated once, kept with the body");
            assertEquals(header(deflatedMiss, "ETag"), header(deflatedHit, "ETag"));
            assertNotEquals(header(plainHit, "ETag"), header(deflatedHit, "ETag"));
        } finally {
            server.stop();
        }
    }
}
