package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.headers;
import static org.lodestar.web.WebClient.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.view.ViewOptions;

/**
 * The rendered documents on disk: the same bytes and headers the server renders per request, used
 * only for the commit they were rendered from, rendered again after a write, and never half written.
 */
class DocStoreTest {
    private static final String PAGE = "concept-compliance-gap.txt";
    private static final String DOC = "/doc/concept/compliance-gap.ttl";
    private static final String AFTER = "A description written while the server ran";
    /** The views the servers these tests start show by default, as {@link #start} sets them. */
    static final ViewOptions VIEWS = ViewOptions.defaults(SimilaritySettings.IMPORTED_ONLY);

    @TempDir
    Path dir;

    private Path db() { return dir.resolve("tdb2"); }

    private Path file() { return DocStore.besideDatabase(db()); }

    private KnowledgeStore seededStore(Path seeds) throws Exception {
        return WebClient.buildOnDisk(db(), seeds);
    }

    /** A site that renders every document per request, as a render does. */
    private static Site siteWithoutDocuments(KnowledgeStore store) {
        return new Site(store, Ontology.load(), new Uris(WebClient.BASE), new ResponseCache(0), DocStore.none(), RenderSlots.inPlace());
    }

    private DocStore.Report render(KnowledgeStore store) throws Exception {
        return DocStore.render(store, WebClient.BASE, VIEWS, file(), Progress.QUIET).orElseThrow();
    }

    /** @param db where the documents live (beside it); null for none */
    private static FusekiServer start(KnowledgeStore store, Path db, long cacheMegabytes, Path passwd) {
        return LodestarServer.start(new ServerSettings(0, db, Path.of("seeds"), WebClient.BASE, passwd, 10_000,
                SimilaritySettings.IMPORTED_ONLY, cacheMegabytes), store);
    }

    /** Every entity's {@code /doc/{type}/{slug}.ttl}, from its identifier. */
    private static List<String> documents(KnowledgeStore store) {
        List<String> paths = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution q = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(store.dataset()))
                    .query("SELECT DISTINCT ?id { ?e <http://purl.org/dc/terms/identifier> ?id }").build()) {
                ResultSet rows = q.execSelect();
                rows.forEachRemaining(row -> {
                    String[] id = row.getLiteral("id").getString().split(":", 2);
                    paths.add("/doc/" + id[0] + "/" + id[1] + ".ttl");
                });
            }
        });
        return paths;
    }

    /** Asks until the answer comes from the documents on disk, for at most 60 s. */
    private static HttpResponse<byte[]> awaitStored(WebClient web, String path) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        HttpResponse<byte[]> r = web.get(path);
        while (!"STORED".equals(header(r, "X-Cache")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = web.get(path);
        }
        assertEquals("STORED", header(r, "X-Cache"), path + " never came from the document store");
        return r;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static long tmpFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    /** The seed pages, and a hub with more backlinks than a document's first page holds. */
    private Path seedsWithAHub() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        StringBuilder hub = new StringBuilder("concept\nactive\nconcept:paged-hubPaged hub\nA hub that many thinkers study.\n"
                + "Neighborhood — ranked by edge-count\nThinkers (" + (EntityDocument.PAGE_SIZE + 1) + ")\nthinker\n");
        for (int i = 1; i <= EntityDocument.PAGE_SIZE + 1; i++)
            hub.append("- Hub thinker ").append(i).append("studies\n");
        Files.writeString(seeds.resolve("concept-paged-hub.txt"), hub);
        return seeds;
    }

    @Test
    void everyStoredDocumentIsWhatTheServerRendersPerRequest() throws Exception {
        KnowledgeStore store = seededStore(seedsWithAHub());
        List<String> paths = documents(store);
        DocStore.Report report = render(store);
        assertEquals(paths.size(), report.documents(), "one document per entity");
        FusekiServer stored = start(store, db(), 0, null), rendered = start(store, null, 0, null);
        try {
            WebClient on = new WebClient(stored), off = new WebClient(rendered);
            int next = 0;
            for (String path : paths) {
                HttpResponse<byte[]> kept = on.get(path), made = off.get(path);
                assertEquals(200, made.statusCode(), path);
                assertEquals("STORED", header(kept, "X-Cache"), path);
                assertEquals(null, header(made, "X-Cache"), path);
                assertArrayEquals(made.body(), kept.body(), path);
                assertEquals(headers(made, "Link"), headers(kept, "Link"), path);
                assertEquals(header(made, "ETag"), header(kept, "ETag"), path);
                assertEquals(header(made, "Content-Type"), header(kept, "Content-Type"), path);
                // the stored bytes go out as they are to a client that takes deflate, and equal a deflate made now
                HttpResponse<byte[]> keptDeflated = on.get(path, "Accept-Encoding", "deflate"), madeDeflated = off.get(path, "Accept-Encoding", "deflate");
                assertEquals("STORED", header(keptDeflated, "X-Cache"), path);
                assertEquals("deflate", header(keptDeflated, "Content-Encoding"), path);
                assertArrayEquals(madeDeflated.body(), keptDeflated.body(), path);
                assertEquals(header(madeDeflated, "ETag"), header(keptDeflated, "ETag"), path);
                assertArrayEquals(made.body(), WebClient.inflate(keptDeflated.body()), path);
                next += headers(kept, "Link").stream().anyMatch(l -> l.endsWith("rel=\"next\"")) ? 1 : 0;
            }
            assertEquals(1, next, "the hub's first page names its next page, from the store too");
            // negotiated Turtle is the same document; other forms and pages are rendered per request
            HttpResponse<byte[]> negotiated = on.get("/doc/concept/alignment-faking", "Accept", "text/turtle");
            assertEquals("STORED", header(negotiated, "X-Cache"));
            assertArrayEquals(off.get("/doc/concept/alignment-faking.ttl").body(), negotiated.body());
            for (String other : List.of("/doc/concept/alignment-faking.nt", "/doc/concept/alignment-faking.ttl?page=2",
                    "/doc/concept/alignment-faking.html"))
                assertNotEquals("STORED", header(on.get(other), "X-Cache"), other);
        } finally {
            stored.stop();
            rendered.stop();
        }
    }

    @Test
    void aServerStartsOnDocumentsRenderedFromItsDataWithoutRenderingThemAgain() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        render(store);
        Object written = fileKey(file());
        DocStore.Report again = render(store);
        assertFalse(again.fresh(), "a build that changed nothing renders nothing: " + again);
        assertEquals(written, fileKey(file()));
        FusekiServer server = start(store, db(), 16, null);
        try {
            WebClient web = new WebClient(server);
            assertEquals("STORED", header(web.get(DOC), "X-Cache"), "from the first request");
            Thread.sleep(QUIET_WAIT);
            assertEquals(written, fileKey(file()), "not rendered again (a render moves a new file in)");
        } finally {
            server.stop();
        }
    }

    /** Longer than a render scheduled after a write would wait. */
    private static final long QUIET_WAIT = DocStore.QUIET_MILLIS + 500;

    @Test
    void aWriteIsSeenAtTheNextRequestAndTheDocumentsAreRenderedAgainAfterIt() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        render(store);
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        FusekiServer server = start(store, db(), 0, passwd);
        try {
            WebClient web = new WebClient(server);
            HttpResponse<byte[]> before = web.get(DOC);
            assertEquals("STORED", header(before, "X-Cache"));
            assertFalse(text(before).contains(AFTER));
            String update = WebClient.describeAs(WebClient.BASE + "id/concept/compliance-gap", AFTER);
            assertEquals(401, ServerEndToEndTest.update(server, update, null, null).statusCode());
            assertEquals("STORED", header(web.get(DOC), "X-Cache"), "a refused update leaves the documents in use");
            assertTrue(Files.exists(file()));
            assertEquals(2, ServerEndToEndTest.update(server, update, "curator", "s3cret").statusCode() / 100);
            assertFalse(Files.exists(file()), "an update deletes the file before it runs");
            HttpResponse<byte[]> next = web.get(DOC);
            assertNotEquals("STORED", header(next, "X-Cache"), "the documents were rendered before the write");
            assertTrue(text(next).contains(AFTER), text(next));
            HttpResponse<byte[]> again = awaitStored(web, DOC);
            assertTrue(text(again).contains(AFTER), "rendered again after the write: " + text(again));
            assertEquals(0, tmpFiles(dir));
        } finally {
            server.stop();
        }
    }

    @Test
    void documentsRenderedFromOtherDataAreNotServed() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = seededStore(seeds);
        render(store);
        WebClient.describeAs(seeds.resolve(PAGE), AFTER);
        WebClient.buildInto(store, seeds); // as a build that did not render would leave it
        FusekiServer server = start(store, db(), 0, null);
        try {
            WebClient web = new WebClient(server);
            assertTrue(text(web.get(DOC)).contains(AFTER), "the first request already sees the new data");
            assertTrue(text(awaitStored(web, DOC)).contains(AFTER));
        } finally {
            server.stop();
        }
    }

    @Test
    void aDocumentFileCutShortIsNotReadAndIsRenderedAgain() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        render(store);
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length - 3));
        IOException e = assertThrows(IOException.class, () -> DocFile.open(file()));
        assertTrue(e.getMessage().contains(file().toString()) && e.getMessage().contains("not a complete document file"),
                e.getMessage());
        FusekiServer server = start(store, db(), 0, null);
        try {
            WebClient web = new WebClient(server);
            assertEquals(200, web.get(DOC).statusCode());
            awaitStored(web, DOC);
        } finally {
            server.stop();
        }
        DocFile again = DocFile.open(file());
        for (String path : documents(store))
            assertTrue(again.find(path.substring(0, path.length() - ".ttl".length())) != null, path);
    }

    /** The seed pages and 300 generated ones: enough that a render takes a while. */
    private Path manySeeds() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        new org.lodestar.bench.Generator(Ontology.load()).generate(300, 7, seeds.resolve("generated"));
        return seeds;
    }

    /** Waits, for at most 60 s, until a render is writing its temporary file. */
    private void awaitRendering() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (tmpFiles(dir) == 0 && System.nanoTime() < deadline)
            Thread.sleep(1);
        assertTrue(tmpFiles(dir) > 0, "no render started");
    }

    @Test
    void aServerStoppedDuringARenderLeavesNoThreadAndItsDatabaseWhole() throws Exception {
        KnowledgeStore store = seededStore(manySeeds());
        FusekiServer server = start(store, db(), 0, null); // no file yet: it starts rendering at once
        awaitRendering();
        server.stop();
        for (Thread t : Thread.getAllStackTraces().keySet())
            if (t.getName().startsWith("lodestar-docs"))
                t.join(10_000); // a thread whose executor has ended may take a moment to exit
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("lodestar-docs")), "a render thread outlived its server");
        assertEquals(0, tmpFiles(dir));
        assertFalse(Files.exists(file()), "the render was called off, not finished");
        // an interrupted read would have closed TDB2's files for good
        assertEquals(documents(store).size(), render(store).documents());
    }

    @Test
    void anUpdateDuringARenderCallsItOffAndNoOlderDocumentIsServedAfter() throws Exception {
        KnowledgeStore store = seededStore(manySeeds());
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        FusekiServer server = start(store, db(), 0, passwd);
        try {
            WebClient web = new WebClient(server);
            awaitRendering();
            String update = WebClient.describeAs(WebClient.BASE + "id/concept/compliance-gap", AFTER);
            assertEquals(2, ServerEndToEndTest.update(server, update, "curator", "s3cret").statusCode() / 100);
            long deadline = System.nanoTime() + 60_000_000_000L;
            HttpResponse<byte[]> r;
            do {
                r = web.get(DOC);
                assertTrue(text(r).contains(AFTER), "served from before the update (" + header(r, "X-Cache") + ")");
                Thread.sleep(50);
            } while (!"STORED".equals(header(r, "X-Cache")) && System.nanoTime() < deadline);
            assertEquals("STORED", header(r, "X-Cache"), "rendered again after the update");
        } finally {
            server.stop();
        }
    }

    @Test
    void documentsThatCrossFromOneMappedSegmentToTheNextReadWhole() throws Exception {
        KnowledgeStore store = seededStore(seedsWithAHub());
        render(store);
        DocFile whole = DocFile.open(file()), small = DocFile.open(file(), 4096);
        assertTrue(small.bytes() > 10 * 4096, "many segments");
        for (String path : documents(store)) {
            String docPath = path.substring(0, path.length() - ".ttl".length());
            assertArrayEquals(whole.find(docPath).body(), small.find(docPath).body(), docPath);
        }
    }

    @Test
    void aRenderCalledOffLeavesTheFileAsItWas() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        render(store);
        byte[] whole = Files.readAllBytes(file());
        Site site = siteWithoutDocuments(store);
        Optional<DocRendering.Result> called = DocRendering.run(site, VIEWS, file(), 2, () -> true, new Object(), Progress.QUIET);
        assertTrue(called.isEmpty());
        assertArrayEquals(whole, Files.readAllBytes(file()));
        assertEquals(0, tmpFiles(dir), "no temporary file is left behind");
    }

    @Test
    void aRenderRemovesTheTemporaryFilesOfKilledRendersAndNothingElse() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        Path killed = dir.resolve(file().getFileName() + ".4242-1.tmp"), other = dir.resolve(file().getFileName() + ".keep"),
                elsewhere = dir.resolve("notes.tmp");
        for (Path p : List.of(killed, other, elsewhere))
            Files.writeString(p, "left");
        render(store);
        assertFalse(Files.exists(killed), "a killed render's file is gone");
        assertTrue(Files.exists(other) && Files.exists(elsewhere), "files that are not a render's stay");
    }

    @Test
    void theStampHashesEveryClassThatShapesADocumentAndNoOther() {
        List<String> hashed = DocStore.renderingClasses();
        for (String shaping : List.of("org/lodestar/web/DocServlet.class", "org/lodestar/web/ResponseCache$Rendered.class",
                "org/lodestar/web/Zlib.class", "org/lodestar/web/EntityDocument.class", "org/lodestar/rdf/Uris.class",
                "org/lodestar/ontology/KG.class", "org/lodestar/ontology/Ontology.class"))
            assertTrue(hashed.contains(shaping), shaping + " in " + hashed);
        assertTrue(hashed.stream().allMatch(c -> c.matches("org/lodestar/(web|rdf|ontology)/[^/]+\\.class")), hashed.toString());
        assertEquals(hashed.size(), Set.copyOf(hashed).size(), "each once");
        for (Class<?> test : List.of(WebClient.class, DocStoreTest.class))
            assertFalse(hashed.contains(test.getName().replace('.', '/') + ".class"), "no test class: " + test);
    }

    @Test
    void anUpdateThatBeginsWhileARenderWaitsToMoveItsFileInCallsItOff() throws Exception {
        KnowledgeStore store = seededStore(TestSeeds.copy(dir));
        render(store);
        byte[] whole = Files.readAllBytes(file());
        Site site = siteWithoutDocuments(store);
        Object moves = new Object();
        AtomicBoolean updating = new AtomicBoolean();
        AtomicReference<Optional<DocRendering.Result>> result = new AtomicReference<>();
        Thread renderer = new Thread(() -> {
            try {
                result.set(DocRendering.run(site, VIEWS, file(), 2, updating::get, moves, Progress.QUIET));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean waited;
        synchronized (moves) { // as DocStore.beginWrite holds it
            renderer.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!waitsToMoveIn(renderer) && System.nanoTime() < deadline)
                Thread.sleep(10);
            waited = waitsToMoveIn(renderer);
            updating.set(true);
        }
        renderer.join(60_000);
        assertTrue(waited, "the render rendered everything and waits for the lock to move its file in");
        assertEquals(Optional.empty(), result.get(), "called off at the last check, under the lock");
        assertArrayEquals(whole, Files.readAllBytes(file()));
        assertEquals(0, tmpFiles(dir));
    }

    private static boolean waitsToMoveIn(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return t.getState() == Thread.State.BLOCKED && stack.length > 0 && stack[0].getClassName().equals(DocRendering.class.getName());
    }
}
