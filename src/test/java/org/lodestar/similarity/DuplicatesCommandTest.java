package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.cli.Main;

/** {@code build} with similarity options, then {@code duplicates}, through the command line. */
class DuplicatesCommandTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void buildThenListTheCandidatesOnePerLine() throws Exception {
        Path db = dir.resolve("tdb2");
        assertEquals(0, run("build", "--seeds", Fixtures.duplicatePages(dir).toString(), "--db", db.toString()), err());
        assertTrue(out().contains("similarity: 5 entities, 4 texts embedded"), "the method and a concept share one text: " + out());
        assertTrue(Files.exists(dir.resolve("tdb2.embeddings")), "the cache lives beside the database");

        assertEquals(0, run("duplicates", "--db", db.toString()), err());
        List<String> lines = out().lines().toList();
        assertEquals(2, lines.size(), out());
        String[] first = lines.get(0).split("\t");
        assertEquals(List.of("concept:reward-hacking", "Reward Hacking", "concept:reward-hacking-behaviour", "Reward Hacking Behaviour"),
                List.of(first).subList(1, 5));
        assertTrue(first[0].matches("0\\.9\\d\\d"), first[0]);
        assertTrue(first[5].startsWith("all-MiniLM-L6-v2 0.9"), first[5]);
        assertTrue(lines.get(1).startsWith("0.934\tconcept:reward-hacking\tReward Hacking\tconcept:specification-gaming\tSpecification Gaming\timported 0.934"),
                lines.get(1));
        assertTrue(err().contains("2 duplicate candidate(s) with score >= 0.9"), err());

        assertEquals(0, run("duplicates", "--db", db.toString(), "--min", "0.5"));
        assertTrue(err().contains("computed links were stored from 0.65 up"), err());
    }

    @Test
    void wrongOptionsAreNamed() throws Exception {
        assertEquals(2, run("duplicates", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--db: no database at"), err());
        assertTrue(Files.notExists(dir.resolve("none")), "no empty database is created");
        assertEquals(2, run("duplicates", "--min", "1.5", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--min: '1.5' is not a score from 0 to 1"), err());
        assertEquals(2, run("build", "--similarity", "some", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--similarity: 'some' is not one of imported|computed|both"), err());
        assertEquals(2, run("build", "--threshold", "1.2", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--threshold: '1.2' is not a cosine from 0 to 1"), err());
        assertEquals(2, run("serve", "--similarity", "imported", "--k", "5", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--similarity imported computes none"), err());
        assertEquals(2, run("build", "--k", "0", "--db", dir.resolve("none").toString()));
        assertTrue(err().contains("--k"), err());
        assertTrue(Files.notExists(dir.resolve("none")), "no refused command creates a database");
    }
}
