package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestPages;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.similarity.VectorIndex;
import org.lodestar.validate.ShapesValidator;

/**
 * An edit's similarity update starts from the entity list the build before it saved beside the
 * embedding cache, as a {@code build} command (a new process) does, instead of reading every
 * entity's text: after edited, deleted and restored pages the links are still those a fresh
 * build computes, and a torn list is not used.
 */
class SavedEntityListTest {
    static final String BASE = "http://localhost:8080/";

    @TempDir
    Path dir;

    private final Pipeline pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE));

    /** A new derivation each time, as each {@code build} command makes: only the file carries the list over. */
    private SimilarityDerivation derivation(Path db) {
        return new SimilarityDerivation(new SimilaritySettings(SimilarityMode.BOTH, 0.5, 4),
                EmbeddingCache.at(EmbeddingCache.besideDatabase(db)), TestPages.WORDS, Progress.QUIET, VectorIndex.EXACT_BELOW);
    }

    private SimilarityDerivation build(KnowledgeStore store, Path db, Path seeds) throws Exception {
        SimilarityDerivation d = derivation(db);
        new SeedBuild(pipeline, false, d).chunksOf(50).run(store, SeedFiles.folder(seeds));
        return d;
    }

    @Test
    void editsStartFromTheSavedListAndComputeWhatAFreshBuildComputes() throws Exception {
        Path seeds = dir.resolve("pages");
        new Generator(Ontology.load()).generate(250, 11, seeds);
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(seeds)) {
            pages = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        Path db = dir.resolve("db");
        KnowledgeStore store = KnowledgeStore.open(db);
        build(store, db, seeds);
        Path list = db.resolveSibling("db.embeddings.entities");
        assertTrue(Files.isRegularFile(list), "the first build saves the list");

        Path gone = pages.get(pages.size() / 2);
        String goneText = Files.readString(gone);
        String[] texts = {"model training alignment evaluation reward deception scale", "reward hacking specification gaming",
                "interpretability of circuits in a model"};
        for (int round = 0; round < 5; round++) {
            switch (round) {
                case 0, 1 -> {
                    for (int j = 0; j < 3; j++)
                        TestPages.describe(pages.get((round * 37 + j * 61) % pages.size()), texts[(round + j) % texts.length]);
                }
                case 2 -> {
                    Files.delete(gone);
                    TestPages.describe(pages.get(5), texts[0]);
                }
                case 3 -> Files.writeString(gone, goneText);
                default -> {
                    TestPages.describe(pages.get(9), texts[1]);
                    try (RandomAccessFile f = new RandomAccessFile(list.toFile(), "rw")) {
                        f.setLength(f.length() / 2);
                    }
                }
            }
            SimilarityDerivation d = build(store, db, seeds);
            assertTrue(d.lastReport().orElseThrow().search().startsWith("exact, "), "round " + round + ": " + d.lastReport());
            assertEquals(round < 4, d.lastStartedFromList(), "round " + round + ": started from the saved list");
            Path freshDb = dir.resolve("fresh-" + round);
            KnowledgeStore fresh = KnowledgeStore.open(freshDb);
            build(fresh, freshDb, seeds);
            Set<String> want = content(fresh), have = content(store);
            assertEquals(Set.of(), difference(want, have), "round " + round + ": a fresh build has, the edited store lacks");
            assertEquals(Set.of(), difference(have, want), "round " + round + ": the edited store has, a fresh build lacks");
        }
        assertFalse(derivation(db).lastStartedFromList());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).limit(5).collect(Collectors.toSet());
    }

    /** Every quad but the times and the derived graph's token, which a history of builds moves on. */
    private static Set<String> content(KnowledgeStore store) {
        Node derived = new Uris(BASE).derivedGraph();
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream()
                .filter(q -> !q.getPredicate().equals(DCTerms.modified.asNode()))
                .filter(q -> !(q.getGraph().equals(derived) && q.getPredicate().equals(KG.contentHash)))
                .map(q -> Stream.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())
                        .map(n -> n.isBlank() ? "_:" : n.toString()).collect(Collectors.joining(" ")))
                .filter(l -> !l.contains("generatedAtTime"))
                .collect(Collectors.toSet()));
    }
}
