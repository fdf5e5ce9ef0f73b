package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.KG;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Embedder;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.MiniLm;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.similarity.VectorIndex;
import org.lodestar.similarity.Vectors;
import org.lodestar.validate.ShapesValidator;

/**
 * A build converts and checks its pages a chunk at a time and derives only what an edit touched:
 * what it stores must be what one pass over every page, into an empty database, stores.
 */
class ChunkedBuildTest {
    static final String BASE = "http://localhost:8080/";
    static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE));
    }

    private static BuildReport build(KnowledgeStore store, Path seeds, int chunk, PhaseClock clock) throws Exception {
        return new SeedBuild(pipeline, false).chunksOf(chunk).timed(clock).run(store, SeedFiles.folder(seeds));
    }

    /** Every quad, but the build's time and the derived graph's token (which a history of builds moves on). */
    private static Set<String> content(KnowledgeStore store) {
        Node derived = new Uris(BASE).derivedGraph();
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream()
                .filter(q -> !q.getPredicate().equals(DCTerms.modified.asNode()))
                .filter(q -> !(q.getGraph().equals(derived) && q.getPredicate().equals(KG.contentHash)))
                .map(ChunkedBuildTest::line).collect(Collectors.toSet()));
    }

    /** Blank nodes (the ontology's lists) are labelled anew in every database. */
    private static String line(Quad q) {
        return Stream.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())
                .map(n -> n.isBlank() ? "_:" : n.toString()).collect(Collectors.joining(" "));
    }

    private static Map<Node, String> degrees(KnowledgeStore store) {
        Map<Node, String> out = new HashMap<>();
        Txn.executeRead(store.dataset(), () -> store.dataset().find(new Uris(BASE).derivedGraph(), Node.ANY, KG.degree, Node.ANY)
                .forEachRemaining(q -> out.put(q.getSubject(), q.getObject().getLiteralLexicalForm())));
        return out;
    }

    /** The seed pages under {@code seeds}, in name order. */
    private static List<Path> pages(Path seeds) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(seeds)) {
            return walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Builds {@code seeds} with similarity links from {@link #WORDS}, 50 pages a chunk, into a TDB2 folder named {@code name}. */
    private KnowledgeStore builtWithLinks(Path seeds, String name, SimilarityDerivation derivation) throws Exception {
        KnowledgeStore store = KnowledgeStore.open(dir.resolve(name));
        new SeedBuild(pipeline, false, derivation).chunksOf(50).run(store, SeedFiles.folder(seeds));
        return store;
    }

    private Path generated(String name, int entities) throws Exception {
        Path seeds = dir.resolve(name);
        new Generator(Ontology.load()).generate(entities, 11, seeds);
        return seeds;
    }

    @Test
    void smallChunksStoreWhatOnePassStores() throws Exception {
        Path seeds = generated("pages", 250);
        KnowledgeStore whole = KnowledgeStore.inMemory(), chunked = KnowledgeStore.inMemory();
        build(whole, seeds, 100_000, PhaseClock.NONE);
        BuildReport report = build(chunked, seeds, 7, PhaseClock.NONE);
        assertEquals(SeedFiles.folder(seeds).size() + 1, report.added(), "every page and the ontology");
        assertEquals(content(whole), content(chunked));
        assertFalse(degrees(chunked).isEmpty());
    }

    @Test
    void editsDeriveWhatAFreshBuildOfTheSamePagesDerives() throws Exception {
        Path seeds = generated("pages", 250);
        KnowledgeStore edited = KnowledgeStore.open(dir.resolve("edited"));
        build(edited, seeds, 13, PhaseClock.NONE);
        Map<Node, String> first = degrees(edited);
        List<Path> pages = pages(seeds);
        // the largest page loses its last neighbour line, another goes, and a third is copied under a new name
        Path largest = pages.stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        List<String> lines = Files.readAllLines(largest, StandardCharsets.UTF_8);
        int last = lines.size() - 1;
        while (!lines.get(last).startsWith("- "))
            last--;
        lines.remove(last);
        Files.write(largest, lines, StandardCharsets.UTF_8);
        Path gone = pages.get(pages.size() / 2).equals(largest) ? pages.get(1) : pages.get(pages.size() / 2);
        Files.delete(gone);
        BuildReport report = build(edited, seeds, 13, PhaseClock.NONE);
        assertEquals(1, report.replaced(), report.toString());
        assertEquals(1, report.dropped(), report.toString());
        assertNotEquals(first, degrees(edited), "the edit changed degrees");

        KnowledgeStore fresh = KnowledgeStore.open(dir.resolve("fresh"));
        build(fresh, seeds, 100_000, PhaseClock.NONE);
        assertEquals(degrees(fresh), degrees(edited));
        assertEquals(content(fresh), content(edited));
    }

    /** Words hashed into 64 dimensions: texts that share words are near, and no model is loaded. */
    static final Embedder WORDS = new Embedder() {
        @Override public String model() { return MiniLm.MODEL; }

        @Override public int dimensions() { return 64; }

        @Override public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> {
                float[] v = new float[64];
                for (String w : t.toLowerCase(java.util.Locale.ROOT).split("\\W+"))
                    if (!w.isEmpty())
                        v[Math.floorMod(w.hashCode(), 64)] += 1;
                v[0] += 0.5f;
                return Vectors.normalize(v);
            }).toList();
        }
    };

    private static SimilarityDerivation words() {
        return new SimilarityDerivation(new SimilaritySettings(SimilarityMode.BOTH, 0.5, 4), EmbeddingCache.inMemory(), WORDS,
                Progress.QUIET, VectorIndex.EXACT_BELOW);
    }

    /** Replaces a page's description, its fourth line with text (type, status, id, description). */
    private static void describe(Path page, String description) throws java.io.IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        for (int i = 0, seen = 0; i < lines.size(); i++)
            if (!lines.get(i).isBlank() && ++seen == 4) {
                lines.set(i, description);
                break;
            }
        Files.write(page, lines, StandardCharsets.UTF_8);
    }

    /** Every quad but the times links were made at (an edit keeps a link's time when its score stays). */
    private static Set<String> withoutLinkTimes(KnowledgeStore store) {
        return content(store).stream().filter(l -> !l.contains("generatedAtTime")).collect(Collectors.toSet());
    }

    @Test
    void editsComputeTheSimilarityLinksAFreshBuildComputes() throws Exception {
        Path seeds = generated("pages", 250);
        SimilarityDerivation derivation = words();
        KnowledgeStore edited = builtWithLinks(seeds, "edited", derivation);
        List<Path> pages = pages(seeds);
        // two descriptions rewritten to share words with others, one page gone
        for (Path page : List.of(pages.get(3), pages.get(pages.size() / 3)))
            describe(page, "model training alignment evaluation reward deception scale");
        Files.delete(pages.get(pages.size() - 5));
        Set<String> before = withoutLinkTimes(edited);
        new SeedBuild(pipeline, false, derivation).chunksOf(50).run(edited, SeedFiles.folder(seeds));
        assertTrue(derivation.lastReport().orElseThrow().search().startsWith("exact, "), "only some entities searched again: "
                + derivation.lastReport());
        assertNotEquals(before, withoutLinkTimes(edited));

        KnowledgeStore fresh = builtWithLinks(seeds, "fresh", words());
        assertEquals(withoutLinkTimes(fresh), withoutLinkTimes(edited));
    }

    /**
     * Round after round of edits (the one before kept), each derived incrementally and compared with
     * a fresh build: an entity not searched again decides from its stored links and the new texts
     * alone whether it keeps a link the other end gave up, so a wrong decision would show in a
     * later round, if not at once.
     */
    @Test
    void roundsOfEditsKeepTheLinksAFreshBuildComputes() throws Exception {
        Path seeds = generated("rounds", 250);
        SimilarityDerivation derivation = words();
        KnowledgeStore edited = builtWithLinks(seeds, "rounds-edited", derivation);
        List<Path> pages = pages(seeds);
        String[] texts = {"model training alignment evaluation reward deception scale",
                "reward hacking specification gaming", "interpretability of circuits in a model", "scale"};
        for (int round = 0; round < texts.length; round++) {
            for (int j = 0; j < 3; j++)
                describe(pages.get((round * 37 + j * 61) % pages.size()), texts[(round + j) % texts.length]);
            new SeedBuild(pipeline, false, derivation).chunksOf(50).run(edited, SeedFiles.folder(seeds));
            assertTrue(derivation.lastReport().orElseThrow().search().startsWith("exact, "), "round " + round + ": "
                    + derivation.lastReport());
            KnowledgeStore fresh = builtWithLinks(seeds, "rounds-fresh-" + round, words());
            assertEquals(withoutLinkTimes(fresh), withoutLinkTimes(edited), "round " + round);
        }
    }

    @Test
    void editedDescriptionsAreConvertedAloneAndStoreWhatAFullBuildStores() throws Exception {
        Path seeds = generated("pages", 250);
        SimilarityDerivation derivation = words();
        KnowledgeStore edited = builtWithLinks(seeds, "edited", derivation);
        List<Path> pages = pages(seeds);
        for (Path page : List.of(pages.get(2), pages.get(pages.size() / 2)))
            describe(page, "model training alignment evaluation reward deception scale");
        List<String> converts = new ArrayList<>();
        BuildReport report = new SeedBuild(pipeline, false, derivation).chunksOf(50)
                .timed((phase, nanos) -> converts.add(phase)).run(edited, SeedFiles.folder(seeds));
        assertEquals(2, report.replaced(), report.toString());
        assertEquals(1, converts.stream().filter("convert"::equals).count(), "the two pages were converted alone: " + converts);
        assertTrue(derivation.lastReport().orElseThrow().search().startsWith("exact, "), derivation.lastReport().toString());

        KnowledgeStore fresh = builtWithLinks(seeds, "fresh", words());
        assertEquals(withoutLinkTimes(fresh), withoutLinkTimes(edited));
        // and a build after that has nothing to do
        assertFalse(new SeedBuild(pipeline, false, derivation).run(edited, SeedFiles.folder(seeds)).changed());
    }

    @Test
    void anEditThatBreaksAShapeFailsAloneAndChangesNothing() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("db"));
        build(store, seeds, 100, PhaseClock.NONE);
        Set<String> before = content(store);
        // the same ids and labels, one edge key changed: authored_by runs from a paper, artifact or quote to a
        // thinker, so between a thinker and a concept it fits neither way
        Path page = seeds.resolve("thinker-evan-hubinger.txt");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int at = text.indexOf("studies");
        Files.writeString(page, text.substring(0, at) + "authored_by" + text.substring(at + "studies".length()), StandardCharsets.UTF_8);
        List<String> phases = new ArrayList<>();
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> build(store, seeds, 100, (p, n) -> phases.add(p)));
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("thinker-evan-hubinger.txt") && m.contains(": error: ")),
                e.messages().toString());
        assertEquals(1, phases.stream().filter("convert"::equals).count(), "converted alone: " + phases);
        assertEquals(before, content(store));
    }

    @Test
    void aBuildWithNothingChangedOnlyHashesAndKeepsTheDataVersion() throws Exception {
        Path seeds = generated("pages", 120);
        KnowledgeStore store = KnowledgeStore.inMemory();
        build(store, seeds, 17, PhaseClock.NONE);
        Set<String> before = content(store);
        String token = Txn.calculateRead(store.dataset(), () -> Derivation.value(store.dataset(), new Uris(BASE).derivedGraph(),
                KG.contentHash, ""));
        Set<String> phases = new HashSet<>();
        BuildReport report = build(store, seeds, 17, (phase, nanos) -> phases.add(phase));
        assertEquals(Set.of("hash"), phases, "read and hashed, no more");
        assertFalse(report.changed());
        assertEquals(before, content(store));
        assertEquals(token, Txn.calculateRead(store.dataset(), () -> Derivation.value(store.dataset(), new Uris(BASE).derivedGraph(),
                KG.contentHash, "")));
    }

    @Test
    void aPageThatFailsInALaterChunkLeavesEveryEarlierChunkUnwritten() throws Exception {
        Path seeds = generated("pages", 120);
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("db"));
        build(store, seeds, 5, PhaseClock.NONE);
        // every page changes (a new base would do it too): each chunk has something to write
        Pipeline other = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris("http://kg.test/"));
        Set<String> before = content(store);
        // a page that breaks a shape (TestSeeds.MISFIT),
        // named to sort after every generated page, so it is in the last chunk
        Files.writeString(seeds.resolve("zzz-misfit.txt"), TestSeeds.MISFIT, StandardCharsets.UTF_8);
        BuildFailedException e = assertThrows(BuildFailedException.class,
                () -> new SeedBuild(other, false).chunksOf(5).run(store, SeedFiles.folder(seeds)));
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("zzz-misfit.txt") && m.contains(": error: ")), e.messages().toString());
        assertEquals(before, content(store), "the transaction was aborted whole");
    }

    @Test
    void twoPagesOfOneEntityInDifferentChunksAreCheckedTogether() throws Exception {
        Path seeds = dir.resolve("pages");
        Files.createDirectories(seeds);
        for (String name : List.of("a-first.txt", "m-filler.txt", "z-second.txt")) {
            String label = name.startsWith("m") ? "Filler" : "Twice Described";
            String status = name.startsWith("z") ? "archived" : "active";
            Files.writeString(seeds.resolve(name), "concept\n" + status + "\n" + label + "\nA description of " + name + "\n",
                    StandardCharsets.UTF_8);
        }
        KnowledgeStore chunked = KnowledgeStore.inMemory(), whole = KnowledgeStore.inMemory();
        BuildFailedException one = assertThrows(BuildFailedException.class, () -> build(chunked, seeds, 1, PhaseClock.NONE));
        BuildFailedException all = assertThrows(BuildFailedException.class, () -> build(whole, seeds, 100, PhaseClock.NONE));
        assertEquals(all.messages(), one.messages());
        assertTrue(one.messages().stream().anyMatch(m -> m.contains(": error: ")), one.messages().toString());
    }
}
