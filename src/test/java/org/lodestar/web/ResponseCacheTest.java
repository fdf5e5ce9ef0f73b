package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.headers;
import static org.lodestar.web.WebClient.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/**
 * The server keeps rendered views and documents: asked again, it answers the same bytes, and a
 * build that changes the data is seen at the next request, from a cache that holds both versions.
 */
class ResponseCacheTest {
    private static final String PAGE = "concept-compliance-gap.txt";
    private static final String BEFORE = "Difference between how often a model complies";
    private static final String AFTER = "A description a rebuild wrote while the server ran";

    @TempDir
    Path dir;

    private static void build(KnowledgeStore store, Path seeds) throws Exception {
        new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(WebClient.BASE)), false)
                .run(store, SeedFiles.folder(seeds));
    }

    private static FusekiServer start(KnowledgeStore store, long cacheMegabytes) {
        return LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), WebClient.BASE, null, 10_000,
                SimilaritySettings.IMPORTED_ONLY, cacheMegabytes), store);
    }

    @Test
    void aRebuildIsSeenAtTheNextRequestThoughTheOldAnswersAreKept() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("tdb2"));
        build(store, seeds);
        FusekiServer server = start(store, 16);
        try {
            WebClient web = new WebClient(server);
            for (String path : new String[] {"/view/concept/compliance-gap.json", "/doc/concept/compliance-gap.ttl",
                    "/view/concept/compliance-gap.html", "/doc/concept/compliance-gap.html"}) {
                HttpResponse<byte[]> first = web.get(path), second = web.get(path);
                assertEquals(200, first.statusCode(), path);
                assertTrue(text(first).contains(BEFORE), path);
                assertArrayEquals(first.body(), second.body(), path);
                assertEquals(header(first, "ETag"), header(second, "ETag"), path);
                assertEquals(headers(first, "Link"), headers(second, "Link"), path);
            }
            Path page = seeds.resolve(PAGE);
            Files.writeString(page, Files.readString(page).replace(
                    Files.readString(page).lines().skip(3).findFirst().orElseThrow(), AFTER));
            build(store, seeds);
            for (String path : new String[] {"/view/concept/compliance-gap.json", "/doc/concept/compliance-gap.ttl",
                    "/view/concept/compliance-gap.html", "/doc/concept/compliance-gap.html"}) {
                HttpResponse<byte[]> after = web.get(path);
                assertTrue(text(after).contains(AFTER), path + ": " + text(after));
                assertFalse(text(after).contains(BEFORE), path);
                assertArrayEquals(after.body(), web.get(path).body(), path);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void pagedDocumentsKeepTheirNextLinkAndNoEntityIsNeverKept() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = KnowledgeStore.inMemory();
        build(store, seeds);
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
                }
            }
            assertEquals(404, on.get("/view/concept/no-such-entity.json").statusCode());
            assertEquals(404, on.get("/view/concept/no-such-entity.json").statusCode());
            assertNotEquals(text(on.get("/view/concept/alignment-faking.json")),
                    text(on.get("/view/concept/alignment-faking.json?threshold=0.9")), "options are part of the key");
        } finally {
            cached.stop();
            uncached.stop();
        }
    }
}
