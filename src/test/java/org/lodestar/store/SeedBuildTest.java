package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;
import org.lodestar.view.LeftoverCaches;

class SeedBuildTest {
    static final String BASE = "http://localhost:8080/";
    static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE));
    }

    private Path seeds() throws IOException {
        return TestSeeds.copy(dir);
    }

    private static BuildReport build(KnowledgeStore store, Path seeds) throws Exception {
        return new SeedBuild(pipeline, false).run(store, SeedFiles.folder(seeds));
    }

    private static Set<Quad> quads(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream().collect(Collectors.toSet()));
    }

    private static long degree(KnowledgeStore store, String id) {
        Node e = NodeFactory.createURI(BASE + "id/" + id);
        return Txn.calculateRead(store.dataset(), () -> store.dataset()
                .stream(new Uris(BASE).derivedGraph(), e, KG.degree, Node.ANY)
                .findFirst().map(q -> Long.parseLong(q.getObject().getLiteralLexicalForm())).orElse(0L));
    }

    @Test
    void firstBuildAddsEveryPageAndTheOntology() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        assertTrue(store.isEmpty());
        BuildReport r = build(store, seeds());
        assertEquals(new BuildReport(7, 0, 0, 0), r, "5 pages + the ontology graph + the links graph (seeds/links.ttl)");
        assertFalse(store.isEmpty());
    }

    @Test
    void unchangedPagesAreSkippedAndTheDataStaysTheSame() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        Path seeds = seeds();
        build(store, seeds);
        Set<Quad> before = quads(store);
        assertEquals(new BuildReport(0, 0, 0, 7, Described.NONE), build(store, seeds));
        assertEquals(before, quads(store));
    }

    /**
     * A database built by an earlier version kept rendered caches in its derived graph (ranked hub
     * pages, similarity sections, whole views as JSON): a build with no page changed derives the
     * graph again without them, as a fresh build makes it.
     */
    @Test
    void rankedPagesAndViewsThatAnEarlierVersionStoredAreDerivedAwayByAnUnchangedBuild() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        Path seeds = seeds();
        build(store, seeds);
        Set<Quad> before = withoutBuildTime(quads(store));
        Node derived = new Uris(BASE).derivedGraph(), hub = NodeFactory.createURI(BASE + "id/concept/alignment-faking");
        Txn.executeWrite(store.dataset(), () -> {
            Node view = NodeFactory.createURI(BASE + "ranked/view/1");
            store.dataset().add(derived, view, KG.kg("viewOf"), hub);
            store.dataset().add(derived, view, LeftoverCaches.VIEW_DATA, NodeFactory.createLiteralDT("{}", RDF.dtRDFJSON));
        });
        assertEquals(new BuildReport(0, 0, 0, 7), build(store, seeds));
        assertEquals(before, withoutBuildTime(quads(store)), "derived again, the same as a fresh build");
    }

    /** Without the build's time and the derived graph's token, which every derivation moves on. */
    private static Set<Quad> withoutBuildTime(Set<Quad> quads) {
        return quads.stream().filter(q -> !q.getPredicate().equals(DCTerms.modified.asNode()))
                .filter(q -> !(q.getPredicate().equals(KG.contentHash) && q.getGraph().getURI().endsWith("/graph/derived")))
                .collect(Collectors.toSet());
    }

    @Test
    void aChangedPageIsReplacedAndARemovedPageDropped() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        Path seeds = seeds();
        build(store, seeds);
        Path gap = seeds.resolve("concept-compliance-gap.txt");
        String text = Files.readString(gap).replace("Measure the gap across", "Measured the gap across");
        Files.writeString(gap, text);
        Files.delete(seeds.resolve("thinker-evan-hubinger.txt"));
        BuildReport r = build(store, seeds);
        assertEquals(1, r.replaced());
        assertEquals(1, r.dropped());
        assertEquals(5, r.unchanged(), "3 pages + ontology + links untouched");
        Node hubingerGraph = new Uris(BASE).seedGraph("thinker-evan-hubinger.txt");
        assertTrue(quads(store).stream().noneMatch(q -> q.getGraph().equals(hubingerGraph)));
        assertTrue(quads(store).stream().anyMatch(q -> q.getObject().isLiteral()
                && q.getObject().getLiteralLexicalForm().startsWith("Measured the gap across")));
    }

    @Test
    void aFailingPageLeavesTheDatabaseExactlyAsItWas() throws Exception {
        Path db = dir.resolve("tdb2");
        KnowledgeStore store = KnowledgeStore.open(db);
        Path seeds = seeds();
        build(store, seeds);
        Set<Quad> before = quads(store);
        Files.writeString(seeds.resolve("concept-compliance-gap.txt"), "Changed first line\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.write(seeds.resolve("broken.txt"), new byte[] {'c', 'o', 'n', 'c', 'e', 'p', 't', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> build(store, seeds));
        assertTrue(e.messages().stream().anyMatch(m -> m.contains("broken.txt:2: error")), e.messages().toString());
        assertEquals(before, quads(store));
    }

    @Test
    void degreesCountDistinctTypedEdgesAcrossPages() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        build(store, seeds());
        // Evan Hubinger: studies alignment faking (asserted on two pages, one edge), studies deceptive
        // alignment, studies goal misgeneralization, authored two papers (one of them asserted on two pages).
        assertEquals(5, degree(store, "thinker/evan-hubinger"));
        // label-only neighbours (kg:linkedTo) are not typed edges
        assertEquals(0, degree(store, "artifact/public-website-with-randomly-ordered-example-transcripts-and-metric-scores-for-inspection"));
    }
}
