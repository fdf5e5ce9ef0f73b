package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RemoteEndpoint;

/**
 * {@code serve --sparql} over Debian's Virtuoso 7 ({@code apt-get install virtuoso-opensource}):
 * the test starts its own {@code virtuoso-t} on free ports with a database in a temporary folder,
 * loads the embedded server's dump into it with {@code isql-vt}, and stops it at the end. The seed
 * pages' views and descriptions are the embedded store's; a Virtuoso that has stopped is a 502.
 * Skipped, saying why, only where the binaries are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteVirtuosoTest {
    static final Path VIRTUOSO = Path.of("/usr/bin/virtuoso-t"), ISQL = Path.of("/usr/bin/isql-vt");

    @TempDir
    static Path dir;
    static FusekiServer embedded, remote;
    static WebClient local, web;
    static Process virtuoso;
    static int httpPort;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(VIRTUOSO) && Files.isExecutable(ISQL),
                "Virtuoso is not installed (" + VIRTUOSO + ", " + ISQL + "): apt-get install virtuoso-opensource");
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        embedded = WebClient.start(store, null);
        local = new WebClient(embedded);
        Path dump = dir.resolve("dump.nt");
        Files.write(dump, RemoteStores.dump(local));
        int sqlPort = RemoteStores.closedPort();
        httpPort = RemoteStores.closedPort();
        Files.writeString(dir.resolve("virtuoso.ini"), ini(dir, sqlPort, httpPort));
        virtuoso = new ProcessBuilder(VIRTUOSO.toString(), "+foreground", "+configfile", dir.resolve("virtuoso.ini").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("virtuoso.out").toFile()).start();
        awaitSparql();
        load(sqlPort, dump);
        remote = RemoteStores.serve(new RemoteEndpoint(sparql(), null, null, 2_000, 10_000));
        web = new WebClient(remote);
    }

    @AfterAll
    static void stop() throws Exception {
        for (FusekiServer s : new FusekiServer[] {remote, embedded})
            if (s != null)
                s.stop();
        stopVirtuoso();
    }

    static void stopVirtuoso() throws InterruptedException {
        if (virtuoso == null)
            return;
        virtuoso.destroy();
        if (!virtuoso.waitFor(30, TimeUnit.SECONDS)) {
            virtuoso.destroyForcibly();
            virtuoso.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String sparql() { return "http://localhost:" + httpPort + "/sparql"; }

    /** The least a virtuoso-t needs: its files in {@code dir}, its ports, and leave to read files from {@code dir}. */
    static String ini(Path dir, int sqlPort, int httpPort) {
        return """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                [Parameters]
                ServerPort = %2$d
                DisableUnixSocket = 1
                DirsAllowed = ., %1$s
                NumberOfBuffers = 10000
                MaxDirtyBuffers = 6000
                ; the sitemap's query sorts up to 50,000 rows (Virtuoso allows 10,000 by default)
                MaxSortedTopRows = 100000
                [HTTPServer]
                ServerPort = %3$d
                ServerRoot = /var/lib/virtuoso-opensource-7/vsp
                ServerThreads = 10
                [SPARQL]
                ResultSetMaxRows = 100000
                MaxQueryExecutionTime = 60
                """.formatted(dir.toAbsolutePath(), sqlPort, httpPort);
    }

    /** Until the SPARQL endpoint answers (a new database takes Virtuoso some seconds to make). */
    static void awaitSparql() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest ask = HttpRequest.newBuilder(URI.create(sparql() + "?query=ASK%7B%7D")).timeout(Duration.ofSeconds(5)).build();
        while (true) {
            assertTrue(virtuoso.isAlive(), "virtuoso-t ended: " + Files.readString(dir.resolve("virtuoso.out")));
            try {
                if (WebClient.HTTP.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < until, "Virtuoso's SPARQL endpoint did not answer within 120 s");
            Thread.sleep(250);
        }
    }

    /** Loads the dump into one graph; Virtuoso's endpoint reads every graph when a query names none. */
    static void load(int sqlPort, Path dump) throws Exception {
        String file = dump.toAbsolutePath().toString().replace("'", "''");
        Process isql = new ProcessBuilder(ISQL.toString(), Integer.toString(sqlPort), "dba", "dba",
                "exec=DB.DBA.TTLP_MT(file_to_string_output('" + file + "'), '', 'urn:lodestar:dump', 0);")
                .redirectErrorStream(true).start();
        String out = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(isql.waitFor(60, TimeUnit.SECONDS), "isql-vt did not end");
        assertEquals(0, isql.exitValue(), out);
        assertTrue(!out.contains("Error"), out);
    }

    @TestFactory
    @Order(1)
    List<DynamicTest> seedPagesAreServedAsTheEmbeddedStoreServesThem() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String entity : RemoteStores.seedEntities())
            for (String path : RemoteStores.paths(entity))
                tests.add(DynamicTest.dynamicTest(path, () -> RemoteStores.assertSame(local, web, path)));
        tests.add(DynamicTest.dynamicTest("/sitemap.xml", () -> RemoteStores.assertSame(local, web, "/sitemap.xml")));
        for (String path : List.of("/search?q=alignment", "/search/suggest?q=alig"))
            tests.add(DynamicTest.dynamicTest(path, () -> {
                RemoteStores.awaitSearchIndex(local, web);
                // The same entities; equal scores may rank in another order (not yet understood).
                RemoteStores.assertSameEntities(local, web, path);
            }));
        return tests;
    }

    @Test
    @Order(2)
    void anEntityUriIsDereferencedOverVirtuoso() throws Exception {
        HttpResponse<byte[]> found = web.get("/id/concept/alignment-faking");
        assertEquals(303, found.statusCode());
        assertEquals("/doc/concept/alignment-faking", WebClient.header(found, "Location"));
        assertEquals(404, web.get("/id/concept/no-such-entity").statusCode());
    }

    /** Last: it stops the Virtuoso the other tests read. */
    @Test
    @Order(3)
    void aStoppedVirtuosoIsA502NamingIt() throws Exception {
        stopVirtuoso();
        HttpResponse<byte[]> r = web.get("/view/concept/compliance-gap.txt");
        assertEquals(502, r.statusCode(), WebClient.text(r));
        assertTrue(WebClient.text(r).strip().equals("the SPARQL store at " + sparql() + " refused the connection (is it running?)"), WebClient.text(r));
    }
}
