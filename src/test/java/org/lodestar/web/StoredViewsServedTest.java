package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.text;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.view.StoredViews;
import org.lodestar.view.ViewOptions;

/**
 * The views kept beside the database, in the descriptions' file: over a generated graph of 2,000
 * entities, every entity with more than {@link StoredViews#MIN_DEGREE} typed edges is served from
 * the file, in every format, exactly as the view made per request; the others, and views asked
 * for with other options, are made per request; nothing of them is in the dataset or its dump;
 * after a SPARQL update the views are made per request (the change shows at once), and later
 * served from the file rendered again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoredViewsServedTest {
    static final int ENTITIES = 2_000;
    static final ViewOptions VIEWS = ViewOptions.defaults(SimilaritySettings.IMPORTED_ONLY);
    static final String AFTER = "A description written while the server ran";
    static final String[] EXTENSIONS = {".txt", ".json", ".html"};

    @TempDir
    static Path dir;
    static KnowledgeStore store;
    /** The view paths ({@code /view/type/slug}) of the entities above the cut, and of some at or below it. */
    static List<String> above = new ArrayList<>(), below = new ArrayList<>();
    static DocStore.Report report;

    static Path db() { return dir.resolve("tdb2"); }

    @BeforeAll
    static void build() throws Exception {
        Path seeds = dir.resolve("seeds");
        new Generator(Ontology.load()).generate(ENTITIES, 11, seeds);
        store = WebClient.buildOnDisk(db(), seeds);
        String prefix = WebClient.BASE + "id/";
        Node derived = new Uris(WebClient.BASE).derivedGraph();
        Txn.executeRead(store.dataset(), () -> store.dataset().find(derived, Node.ANY, KG.degree, Node.ANY).forEachRemaining(q -> {
            String path = StoredViews.PREFIX + q.getSubject().getURI().substring(prefix.length());
            int degree = ((Number) q.getObject().getLiteralValue()).intValue();
            if (degree > StoredViews.MIN_DEGREE)
                above.add(path);
            else if (degree >= StoredViews.MIN_DEGREE - 5 || below.size() < 10)
                below.add(path);
        }));
        report = DocStore.render(store, WebClient.BASE, VIEWS, DocStore.besideDatabase(db()), Progress.QUIET).orElseThrow();
    }

    /** @param db where the side file lives (beside it); null for none: every view made per request */
    static FusekiServer start(Path db, Path passwd) {
        return LodestarServer.start(new ServerSettings(0, db, Path.of("seeds"), WebClient.BASE, passwd, 10_000,
                SimilaritySettings.IMPORTED_ONLY, 0), store);
    }

    @Test
    @Order(1)
    void everyStoredViewIsTheViewMadePerRequestInEveryFormat() throws Exception {
        assertTrue(above.size() >= 20, "a power law gives some entities many edges: " + above.size());
        assertTrue(below.stream().anyMatch(p -> !above.contains(p)) && below.size() >= 10, below.toString());
        assertEquals(above.size(), report.views(), "one stored view per entity above the cut, and none other");
        FusekiServer stored = start(db(), null), made = start(null, null);
        try {
            WebClient on = new WebClient(stored), off = new WebClient(made);
            for (String path : above)
                for (String ext : EXTENSIONS) {
                    HttpResponse<byte[]> kept = on.get(path + ext), perRequest = off.get(path + ext);
                    assertEquals(200, perRequest.statusCode(), path + ext);
                    assertEquals("STORED", header(kept, "X-Cache"), path + ext);
                    assertArrayEquals(perRequest.body(), kept.body(), path + ext);
                    assertEquals(header(perRequest, "ETag"), header(kept, "ETag"), path + ext);
                    assertEquals(header(perRequest, "Content-Type"), header(kept, "Content-Type"), path + ext);
                }
            for (String path : below)
                assertNotEquals("STORED", header(on.get(path + ".json"), "X-Cache"), path + ": cheap, not stored");
            String hub = above.get(0);
            HttpResponse<byte[]> negotiated = on.get(hub, "Accept", "application/json");
            assertEquals("STORED", header(negotiated, "X-Cache"));
            assertArrayEquals(off.get(hub + ".json").body(), negotiated.body());
            for (String other : List.of(hub + ".json?threshold=0.9", hub + ".json?page=2", hub + ".json?group=concept"))
                assertNotEquals("STORED", header(on.get(other), "X-Cache"), other);
            assertEquals("0.650", text(on.get(hub + ".json?threshold=0.650")).replaceAll("(?s).*\"threshold\":\"?([0-9.]+).*", "$1"),
                    "the same threshold written otherwise is served as asked for");
            String dump = text(on.get("/dump/lodestar.ttl"));
            for (String cache : List.of("viewData", "StoredView", "RankedGroup", "RankedSimilarity", "rdf-syntax-ns#JSON"))
                assertFalse(dump.contains(cache), "the dump holds " + cache);
        } finally {
            stored.stop();
            made.stop();
        }
    }

    @Test
    @Order(2)
    void afterAnUpdateViewsAreMadePerRequestUntilTheFileIsRenderedAgain() throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        FusekiServer server = start(db(), passwd);
        try {
            WebClient web = new WebClient(server);
            // one with a description of its own page, which the update rewrites
            String path = above.stream().filter(p -> {
                try {
                    return text(web.get(p + ".json")).contains("\"description\":\"");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).findFirst().orElseThrow(), hub = path + ".json";
            HttpResponse<byte[]> before = web.get(hub);
            assertEquals("STORED", header(before, "X-Cache"));
            assertFalse(text(before).contains(AFTER));
            String entity = WebClient.BASE + "id/" + path.substring(StoredViews.PREFIX.length());
            assertEquals(2, ServerEndToEndTest.update(server, WebClient.describeAs(entity, AFTER), "curator", "s3cret").statusCode() / 100);
            HttpResponse<byte[]> next = web.get(hub);
            assertNotEquals("STORED", header(next, "X-Cache"), "the file was rendered before the write");
            assertTrue(text(next).contains(AFTER), "the change is visible at once");
            long deadline = System.nanoTime() + 120_000_000_000L;
            HttpResponse<byte[]> again = web.get(hub);
            while (!"STORED".equals(header(again, "X-Cache")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                again = web.get(hub);
            }
            assertEquals("STORED", header(again, "X-Cache"), "rendered again after the write");
            assertTrue(text(again).contains(AFTER), text(again));
        } finally {
            server.stop();
        }
    }
}
