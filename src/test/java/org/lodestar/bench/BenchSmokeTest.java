package org.lodestar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.cli.Main;

/**
 * A tiny run of {@code bench}, through the command line: the JSON has every figure the issue asks
 * for, each a sane number. No timing is asserted: this machine is shared and noisy.
 */
class BenchSmokeTest {
    static final List<String> RATES = List.of("deref_rps", "describe_rps", "load_triples_per_s",
            "stock_loader_triples_per_s", "embed_per_s", "embed_sample_per_s", "embed_baseline_per_s", "embed_speedup", "view_speedup_p50", "view_cold_speedup_p50", "view_cold_speedup_p99");
    static final List<String> LATENCIES = List.of("view", "naive_view", "deref", "describe");

    @TempDir
    Path dir;

    @Test
    void aSmallRunWritesEveryFigure() {
        Path json = dir.resolve("bench.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"bench", "--entities", "300", "--views", "40", "--requests", "200",
                        "--clients", "8", "--work", dir.toString(), "--out", json.toString(), "--keep"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("view p50 ms"), "the table is printed");

        JsonObject r = JSON.read(json.toString());
        assertEquals(300, number(r, "entities"));
        assertTrue(number(r, "triples") > 10_000, "triples");
        assertTrue(number(r, "entities_in_store") >= 300);
        for (String rate : RATES)
            assertTrue(number(r, rate) > 0, rate);
        for (String l : LATENCIES) {
            double p50 = number(r, l + "_p50_ms"), p99 = number(r, l + "_p99_ms");
            assertTrue(p50 > 0 && p50 <= p99, l + ": p50 " + p50 + ", p99 " + p99);
        }
        assertTrue(r.get("naive_view_p99_ms").isNumber());
        assertEquals(number(r, "embedded"), number(r, "embed_sample"), "300 entities: every text is in the sample");
        assertTrue(number(r, "embed_baseline_min_cosine") >= 0.99999, "the build's vectors are langchain4j's");
        double recall = number(r, "knn_recall_at_10");
        assertTrue(recall > 0 && recall <= 1, "recall " + recall);
        assertTrue(number(r, "peak_rss_mb") > 50);
        assertTrue(number(r, "peak_heap_mb") > 10);
        assertEquals(40, number(r, "view_entities"));
        assertEquals(0, number(r, "view_errors"), log);
        assertEquals(0, number(r, "naive_view_errors"), log);
        // dereferencing warms up on the entities it does not measure, each at most once
        assertEquals(number(r, "entities_in_store") - number(r, "deref_requests"), number(r, "deref_warm_up_entities"), log);
        for (String side : List.of("deref", "describe")) {
            double sent = number(r, side + "_warm_up_sent"), seconds = number(r, side + "_warm_up_s");
            assertTrue(sent > 0 && sent <= number(r, "deref_warm_up_entities"), side + " warm-up sent " + sent);
            assertTrue(seconds > 0 && seconds < DerefThroughput.WARM_UP_SECONDS + 5, side + " warm-up took " + seconds + " s");
        }

        JsonObject machine = r.get("machine").getAsObject();
        assertTrue(number(machine, "cores") >= 1);
        for (String key : List.of("jvm", "os", "memory_mb"))
            assertNotNull(machine.get(key), key);
        assertEquals(0, number(r, "deref_errors"), log);
        assertEquals(number(r, "deref_sent"), number(r, "deref_from_store"), "every measured document came from the document store");
        assertEquals(number(r, "deref_deflate_sent"), number(r, "deref_deflate_encoded"), "every document asked for compressed came deflated");
        assertEquals(number(r, "deref_deflate_sent"), number(r, "deref_deflate_from_store"), "and from the document store");
        assertTrue(number(r, "deref_deflate_mean_bytes") < number(r, "deref_mean_bytes") / 2,
                number(r, "deref_deflate_mean_bytes") + " bytes deflated against " + number(r, "deref_mean_bytes"));
        assertTrue(number(r, "deref_deflate_rps") > 0, log);
        assertTrue(number(r, "docs_mb") > 0);
        JsonObject phases = r.get("phases_s").getAsObject();
        for (String phase : List.of("parse", "validate", "load", "derive", "embed", "similarity", "render"))
            assertTrue(number(phases, phase) >= 0, phase);
        // each edit build was timed until the server sent the changed description (EditBuilds checks it)
        for (String build : List.of("noop_build_s", "edit_build_s", "hub_edit_build_s"))
            assertTrue(number(r, build) > 0 && number(r, build) < number(r, "first_build_s") * 3, build);
        assertTrue(log.contains("no-change build: 0 added, 0 replaced, 0 dropped"), log);
        assertTrue(log.contains("edit_build: 0 added, 1 replaced, 0 dropped"), log);
    }

    @Test
    void aKeptDatabaseIsMeasuredAsItIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path kept = dir.resolve("kept");
        assertEquals(0, Main.run(new String[] {"bench", "--entities", "300", "--measure", "views", "--views", "20",
                "--work", kept.toString(), "--keep", "--no-embed"}, o, e), err.toString(StandardCharsets.UTF_8));
        Path db;
        try (Stream<Path> runs = Files.list(kept)) {
            db = runs.filter(p -> p.getFileName().toString().startsWith("lodestar-bench-")).findFirst().orElseThrow().resolve("tdb2");
        }
        Path json = dir.resolve("db.json");
        int code = Main.run(new String[] {"bench", "--db", db.toString(), "--views", "20", "--requests", "100", "--clients", "4",
                "--work", dir.resolve("again").toString(), "--out", json.toString(), "--no-embed"}, o, e);
        String log = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        assertTrue(log.contains("already rendered from this data"), "the kept run rendered the documents: " + log);
        JsonObject r = JSON.read(json.toString());
        assertEquals(number(r, "entities_in_store"), number(r, "entities"));
        assertTrue(number(r, "triples") > 10_000);
        assertTrue(number(r, "deref_rps") > 0 && number(r, "describe_rps") > 0 && number(r, "view_speedup_p50") > 0, log);
        assertEquals(number(r, "deref_sent"), number(r, "deref_from_store"), log);
        assertTrue(r.get("load_triples_per_s") == null || r.get("load_triples_per_s").isNull(), "nothing was built");
        assertTrue(Files.isDirectory(db), "the kept database is left where it was");
    }

    private static double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        assertNotNull(v, key + " is missing");
        assertTrue(v.isNumber(), key + " is not a number: " + v);
        return v.getAsNumber().value().doubleValue();
    }
}
