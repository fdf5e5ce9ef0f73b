package org.lodestar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/**
 * A rebuild checks only the pages whose graphs changed (what makes rebuilding a large graph after
 * one edit cheap), and a changed page that breaks a shape still fails it.
 */
class IncrementalCheckTest {
    static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris("http://localhost:8080/"));
    }

    /** The phases a build reported. */
    private static Set<String> build(KnowledgeStore store, Path seeds, boolean strict) throws Exception {
        Set<String> phases = new HashSet<>();
        PhaseClock clock = (phase, nanos) -> phases.add(phase);
        new SeedBuild(pipeline, strict).timed(clock).run(store, SeedFiles.folder(seeds));
        return phases;
    }

    @Test
    void unchangedPagesAreNotCheckedAgainButAStrictBuildChecksEverything() throws Exception {
        Path seeds = dir.resolve("seeds");
        new Generator(Ontology.load()).generate(80, 5, seeds);
        KnowledgeStore store = KnowledgeStore.inMemory();
        assertTrue(build(store, seeds, false).contains("validate"), "the first build checks every page");
        assertFalse(build(store, seeds, false).contains("validate"), "nothing changed, nothing to check");
        assertTrue(build(store, seeds, true).contains("validate"), "strict: every page");
    }

    @Test
    void aNewPageThatBreaksAShapeFailsTheRebuild() throws Exception {
        Path seeds = dir.resolve("seeds");
        new Generator(Ontology.load()).generate(80, 6, seeds);
        KnowledgeStore store = KnowledgeStore.inMemory();
        build(store, seeds, false);
        Set<Quad> before = Txn.calculateRead(store.dataset(), () -> store.dataset().stream().collect(Collectors.toSet()));
        Files.writeString(seeds.resolve("concept-misfit.txt"), TestSeeds.MISFIT, StandardCharsets.UTF_8);
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> build(store, seeds, false));
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("concept-misfit.txt") && m.contains(": error: ")),
                e.messages().toString());
        assertEquals(before, Txn.calculateRead(store.dataset(), () -> store.dataset().stream().collect(Collectors.toSet())));
    }
}
