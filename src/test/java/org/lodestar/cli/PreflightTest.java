package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RecordedBase;
import org.lodestar.web.DocStore;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * Mistakes on the command line cost one line, before anything is opened or built, and leave
 * nothing behind; a database remembers the base it was built with.
 */
class PreflightTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        /** The message lines, without the progress a build writes there. */
        List<String> errLines() { return err.lines().filter(l -> !l.isBlank()).toList(); }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Nothing in the folder but what the test put there. */
    private void assertNothingMade(List<String> expected) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static void assertOneLine(Run r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), "one line: " + r.err());
        for (String part : parts)
            assertTrue(r.err().contains(part), "should name '" + part + "': " + r.err());
    }

    @Test
    void aMissingSeedsFolderIsOneLineAndNoDatabase() throws Exception {
        String db = dir.resolve("db").toString(), seeds = dir.resolve("no-seeds").toString();
        assertOneLine(run("build", "--seeds", seeds, "--db", db), "--seeds", seeds);
        assertOneLine(run("serve", "--seeds", seeds, "--db", db, "--port", "0"), "--seeds", seeds);
        assertOneLine(run("serve", "--seeds", seeds, "--mem", "--port", "0"), "--seeds", seeds);
        assertNothingMade(List.of());
    }

    /** A first build that fails leaves no database folder (nor the parents made for it), from build or serve. */
    @Test
    void aFailedFirstBuildLeavesNothingBehind() throws Exception {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("bad.txt"), "nonsense\n");
        String db = dir.resolve("data/tdb2").toString();
        Run build = run("build", "--seeds", seeds.toString(), "--db", db);
        assertEquals(1, build.code(), build.err());
        assertTrue(build.err().contains("bad.txt:1: error"), build.err());
        assertNothingMade(List.of("seeds"));
        Run serve = run("serve", "--seeds", seeds.toString(), "--db", db, "--port", "0");
        assertEquals(1, serve.code(), serve.err());
        assertNothingMade(List.of("seeds"));
    }

    @Test
    void aPortInUseIsOneLineBeforeAnyBuild() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            String port = Integer.toString(taken.getLocalPort());
            assertOneLine(run("serve", "--port", port, "--db", dir.resolve("db").toString()), "--port", port, "in use");
        }
        assertNothingMade(List.of());
    }

    /** TDB2's lock file names the process that holds the database: a live one that is not this JVM. */
    @Test
    void aDatabaseHeldByAnotherProcessIsOneLineThatNamesIt() throws Exception {
        Path db = dir.resolve("db");
        Files.createDirectories(db);
        Process holder = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(db.resolve("tdb.lock"), Long.toString(holder.pid()));
            for (String[] args : List.of(new String[] {"build", "--db", db.toString()}, new String[] {"view", "concept:x", "--db", db.toString()},
                    new String[] {"duplicates", "--db", db.toString()}, new String[] {"serve", "--db", db.toString(), "--port", "0"}))
                assertOneLine(run(args), "--db", "process " + holder.pid(), "sleep");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        try (Stream<Path> files = Files.list(db)) {
            assertEquals(List.of("tdb.lock"), files.map(p -> p.getFileName().toString()).toList(), "nothing opened");
        }
        // Once the holder has gone, its lock is stale: TDB2 takes the database over.
        assertEquals(0, run("build", "--db", db.toString(), "--similarity", "imported").code());
    }

    @Test
    void theDatabaseRemembersItsBaseAndRefusesAnother() throws Exception {
        Path db = dir.resolve("db");
        Run built = run("build", "--db", db.toString(), "--base", "http://kg.test/", "--similarity", "imported");
        assertEquals(0, built.code(), built.err());

        Run view = run("view", "concept:compliance-gap", "--db", db.toString());
        assertEquals(0, view.code(), view.err());
        assertTrue(view.out().contains("Compliance Gap"), view.out());
        assertEquals(0, run("view", "concept:compliance-gap", "--db", db.toString(), "--base", "http://kg.test").code(), "the same base");
        assertEquals(0, run("duplicates", "--db", db.toString()).code());

        byte[] docs = Files.readAllBytes(DocStore.besideDatabase(db));
        for (String[] args : List.of(new String[] {"view", "concept:compliance-gap", "--db", db.toString(), "--base", "http://other.test/"},
                new String[] {"serve", "--db", db.toString(), "--base", "http://localhost:8080/", "--port", "0"},
                new String[] {"build", "--db", db.toString(), "--base", "http://localhost:8080/"}))
            assertOneLine(run(args), "--base", "http://kg.test/", "not " + args[args.length - (args[0].equals("serve") ? 3 : 1)]);
        assertArrayEquals(docs, Files.readAllBytes(DocStore.besideDatabase(db)), "the rendered documents are as they were");

        // Another build without --base goes on under the recorded one.
        Run again = run("build", "--db", db.toString(), "--similarity", "imported");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("7 unchanged"), again.out());
        assertEquals(java.util.Set.of("http://kg.test/"), RecordedBase.of(KnowledgeStore.open(db).dataset()));
    }

    /** A server given another base than the data's (through the API, which the command line refuses) leaves the documents file alone. */
    @Test
    void aServerUnderAnotherBaseLeavesTheRenderedDocumentsAlone() throws Exception {
        Path db = dir.resolve("db");
        assertEquals(0, run("build", "--db", db.toString(), "--base", "http://kg.test/", "--similarity", "imported").code());
        Path file = DocStore.besideDatabase(db);
        byte[] docs = Files.readAllBytes(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        KnowledgeStore store = KnowledgeStore.open(db);
        {
            FusekiServer server = LodestarServer.start(new ServerSettings(0, db, Path.of("seeds"), "http://localhost:8080/", null, 10_000,
                    SimilaritySettings.IMPORTED_ONLY), store);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.getHttpPort() + "/doc/concept/compliance-gap.ttl")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, r.statusCode());
                Thread.sleep(3_000); // past the quiet time after which a server renders its own
            } finally {
                server.stop();
            }
        }
        assertArrayEquals(docs, Files.readAllBytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void startUpSaysWhereToGo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FusekiServer server = ServeCommand.start(new ServerSettings(0, null, Path.of("seeds"), null, null, 10_000,
                SimilaritySettings.IMPORTED_ONLY), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        try {
            String origin = "http://localhost:" + server.getHttpPort();
            String said = out.toString(StandardCharsets.UTF_8);
            for (String where : List.of(origin + "/", origin + "/query", origin + "/kg/sparql"))
                assertTrue(said.contains(where), "start-up should name " + where + ": " + said);
        } finally {
            server.stop();
        }
    }
}
