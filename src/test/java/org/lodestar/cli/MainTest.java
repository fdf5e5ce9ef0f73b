package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {
    @TempDir
    Path dir;

    /** The database every refused build and serve names: never the user's data/tdb2, and never made. */
    @TempDir
    static Path scratch;

    static String[] withDb(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = scratch.resolve("db").toString();
        return all;
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Command lines that must be refused before anything runs, and what the message must name. */
    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {}, "usage:"),
                Arguments.of(new String[] {"frobnicate"}, "unknown command 'frobnicate'"),
                Arguments.of(new String[] {"serve", "--db", "x", "--mem"}, "only one of --db and --mem"),
                Arguments.of(withDb("serve", "--port", "eighty"), "--port: 'eighty'"),
                Arguments.of(withDb("serve", "--port", "70000"), "--port"),
                Arguments.of(withDb("serve", "--timeout", "-5"), "--timeout"),
                Arguments.of(withDb("serve", "--cache", "-1"), "--cache"),
                Arguments.of(withDb("serve", "--cache", "lots"), "--cache: 'lots'"),
                Arguments.of(withDb("serve", "--passwd", "/no/such/file"), "--passwd: cannot read"),
                Arguments.of(withDb("build", "--base", "not a uri"), "--base: 'not a uri'"),
                Arguments.of(withDb("build", "--base", "ftp://example.org/"), "--base"),
                Arguments.of(withDb("build", "--seeds", "/no/such/folder"), "--seeds: /no/such/folder"),
                Arguments.of(withDb("build", "--bogus"), "--bogus"),
                Arguments.of(new String[] {"bench", "--entities", "10", "--measure", "views,speed"}, "--measure: 'speed' is not a measurement"),
                Arguments.of(new String[] {"bench", "--entities", "10", "--measure", "views,,similarity"}, "--measure: an empty name is not a measurement"),
                Arguments.of(new String[] {"convert"}, "PATH: give at least one"),
                Arguments.of(new String[] {"validate", "/no/such/page.txt"}, "/no/such/page.txt: no such file"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitTwoAndNameTheOption(String[] args, String expected) {
        Run r = run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), "stderr should mention '" + expected + "' but was: " + r.err());
        assertFalse(Files.exists(scratch.resolve("db")), "a refused command made its database");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("lodestar " + command), r.out());
    }

    static Stream<String> commands() {
        return Stream.of("convert", "validate", "build", "serve");
    }

    @Test
    void validateAcceptsTheSeeds() {
        Run r = run("validate", "seeds");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("5 page(s): conform"), r.out());
    }

    @Test
    void convertWritesTurtleThatParsesBack() {
        Path out = dir.resolve("kg.ttl");
        Run r = run("convert", "--base", "https://kg.example.org/", "-o", out.toString(), "seeds");
        assertEquals(0, r.code(), r.err());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(out).parse(g);
        assertTrue(g.size() > 100);
        assertTrue(out.toFile().length() > 0);
        assertTrue(g.find().toList().stream().anyMatch(t ->
                t.getSubject().isURI() && t.getSubject().getURI().equals("https://kg.example.org/id/concept/compliance-gap")));
    }

    @Test
    void convertOfABadPageNamesFileAndLineAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "concept\nactive\nconcept:xX\nd\nNeighborhood — ranked by edge-count\n"
                + "Related by similarity (1)\ncosine ≥ 0.65 · no typed edge\n- Yconcept1.5\n");
        Path out = dir.resolve("out.ttl");
        Run r = run("convert", "-o", out.toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.txt:8: error"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void strictTurnsWarningsIntoFailure() throws Exception {
        Path page = dir.resolve("warn.txt");
        // declares two papers and lists none: a warning
        Files.writeString(page, "concept\nactive\nconcept:xX\nd\nNeighborhood — ranked by edge-count\nPapers (2)\npaper\n");
        assertEquals(0, run("validate", page.toString()).code());
        Run strict = run("validate", "--strict", page.toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("warn.txt:6: warning"), strict.err());
    }

    @Test
    void buildWritesTheDatabaseAndAFailedBuildKeepsIt() throws Exception {
        Path db = dir.resolve("db");
        Run ok = run("build", "--db", db.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("7 added"), ok.out()); // 5 pages, the ontology, the links
        Path docs = org.lodestar.web.DocStore.besideDatabase(db);
        assertTrue(ok.out().contains("documents rendered") && ok.out().contains(docs.toString()), ok.out());
        byte[] rendered = Files.readAllBytes(docs);
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("empty.txt"), "");
        Run failed = run("build", "--db", db.toString(), "--seeds", seeds.toString());
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("empty.txt:1: error"), failed.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(rendered, Files.readAllBytes(docs), "the documents are kept too");
        Run again = run("build", "--db", db.toString());
        assertTrue(again.out().contains("0 added, 0 replaced, 0 dropped, 7 unchanged"), again.out());
    }

    /** A build says what it warns about, last, with a count: an unknown edge key among them, which becomes a label-only member. */
    @Test
    void buildPrintsItsWarningsAndACount() throws Exception {
        Path seeds = org.lodestar.TestSeeds.copy(dir);
        Path page = seeds.resolve("thinker-evan-hubinger.txt");
        Files.writeString(page, Files.readString(page).replace("Alignment FakingstudiesCo-author", "Alignment FakinginvestigatesCo-author"));
        Run r = run("build", "--seeds", seeds.toString(), "--db", dir.resolve("db").toString(), "--similarity", "imported");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*thinker-evan-hubinger\\.txt:12: warning: .*unknown edge key.*Fakinginvestigates.*")),
                r.err());
        long warnings = lines.stream().filter(l -> l.matches("\\S+:\\d+: warning: .*")).count();
        assertTrue(warnings >= 2, "the seeds' own warning and the unknown key: " + r.err());
        assertEquals(warnings + " warning(s)", lines.get(lines.size() - 1), "the count comes last");
    }
}
