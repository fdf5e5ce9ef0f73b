package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;

/**
 * Links out: seeds/*.ttl into {base}graph/links, checked before anything is written. The shape
 * on the targets (shapes/links.ttl) is tested as data by ShapesAsDataTest ({@code link-not-http}).
 */
class LinkFilesTest {
    static final String BASE = "http://localhost:8080/";

    @TempDir
    Path dir;

    private Path seeds(String links) throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        Files.copy(Path.of("seeds/concept-compliance-gap.txt"), seeds.resolve("concept-compliance-gap.txt"));
        Files.writeString(seeds.resolve("links.ttl"), links);
        return seeds;
    }

    private BuildReport build(KnowledgeStore store, Path seeds, boolean strict) throws Exception {
        return new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE)), strict).run(store, SeedFiles.folder(seeds));
    }

    @Test
    void linksGoIntoTheirOwnGraphWithRelativeIrisResolvedAgainstTheBase() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        build(store, seeds("<id/concept/compliance-gap> <http://www.w3.org/2002/07/owl#sameAs> <https://example.org/gap> ."), false);
        Node graph = NodeFactory.createURI(BASE + "graph/links");
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(graph,
                NodeFactory.createURI(BASE + "id/concept/compliance-gap"), OWL2.sameAs.asNode(), NodeFactory.createURI("https://example.org/gap"))));
    }

    @Test
    void onlyLinkPredicatesAreAllowed() throws Exception {
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> build(KnowledgeStore.inMemory(),
                seeds("<id/concept/compliance-gap> <http://www.w3.org/2000/01/rdf-schema#label> \"Gap\" ."), false));
        assertTrue(e.messages().get(0).contains("links.ttl: error:") && e.messages().get(0).contains("not a link predicate"), e.messages().toString());
    }

    @Test
    void aLinkFromNoEntityOfTheBuildIsLeftOutOrFailsAStrictBuild() throws Exception {
        Path seeds = seeds("<id/concept/no-such-page> <http://www.w3.org/2002/07/owl#sameAs> <https://example.org/x> .");
        KnowledgeStore store = KnowledgeStore.inMemory();
        assertEquals(2, build(store, seeds, false).added(), "the page and the ontology; no links graph");
        BuildFailedException e = assertThrows(BuildFailedException.class, () -> build(KnowledgeStore.inMemory(), seeds, true));
        assertTrue(e.messages().get(0).contains("is not an entity of the seed pages"), e.messages().toString());
    }
}
