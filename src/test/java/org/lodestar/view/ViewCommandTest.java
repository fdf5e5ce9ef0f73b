package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestar.cli.Main;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;

/** {@code lodestar view ID …} against a TDB2 database on disk. */
class ViewCommandTest {
    @TempDir
    static Path dir;
    static Path db;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void build() throws Exception {
        db = dir.resolve("tdb2");
        new SeedBuild(ViewFixtures.PIPELINE, false).run(KnowledgeStore.open(db), SeedFiles.folder(Path.of("seeds")));
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheTextView() throws Exception {
        Run r = run("view", "concept:compliance-gap", "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        KnowledgeStore store = ViewFixtures.build(SeedFiles.folder(Path.of("seeds")));
        assertEquals(ViewFixtures.text(store, "concept:compliance-gap"), r.out());
    }

    @Test
    void printsJsonAndHtmlAndPages() {
        Run json = run("view", "concept:alignment-faking", "--db", db.toString(), "--format", "json", "--group", "concept",
                "--page", "2", "--page-size", "10");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"count\":13") && json.out().contains("\"previous\":\"?group=concept&page=1\""), json.out());
        Run html = run("view", "thinker:evan-hubinger", "--db", db.toString(), "--format", "html", "--threshold", "0.9");
        assertEquals(0, html.code(), html.err());
        assertTrue(html.out().contains("<h1>Evan Hubinger</h1>") && !html.out().contains("Related by similarity"), html.out());
    }

    @Test
    void anUnknownIdExitsOne() {
        Run r = run("view", "concept:no-such-entity", "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no entity concept:no-such-entity"), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "concept:compliance-gap --format xml   | --format",
            "concept:compliance-gap --page 0       | --page",
            "concept:compliance-gap --page-size x  | --page-size",
            "concept:compliance-gap --group widget | --group",
            "concept:compliance-gap --group entity | --group",
            "concept:compliance-gap --threshold 2  | --threshold",
            "concept:compliance-gap --similarity x | --similarity",
            "concept:compliance-gap --base ftp://x | --base",
            "concept:compliance-gap --db DIR_MISSING | --db",
            "compliance-gap                        | ID",
            "widget:compliance-gap                 | ID",
            "concept:Compliance_Gap                | ID",
            "concept:a concept:b                   | ID",
    })
    void aBadOptionExitsTwoNamingIt(String args, String named) {
        List<String> full = new ArrayList<>(List.of("view"));
        full.addAll(List.of(args.replace("DIR_MISSING", dir.resolve("missing").toString()).trim().split("\\s+")));
        if (!args.contains("--db"))
            full.addAll(List.of("--db", db.toString()));
        Run r = run(full.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(named + ":"), r.err());
    }
}
