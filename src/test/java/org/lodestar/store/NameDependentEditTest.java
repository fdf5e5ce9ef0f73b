package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;

/**
 * An edited page with member lines that only other pages' names can split (a hub's page nearly
 * always has one) is built alone, with the names a full build would know asked of the store, and
 * stores what a full build of the same pages stores: a label another page declares or gives a
 * keyed member ends the label; one that only a page depending on names itself gives does not.
 */
class NameDependentEditTest {
    static final String BASE = "http://localhost:8080/";

    @TempDir
    Path dir;

    private final Pipeline pipeline = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE));

    /** Names Deceptive Alignment (a keyed member) and splits without names. */
    private static final String NAMING = String.join("\n", "paper", "active",
            "paper:risks-from-learned-optimizationRisks from Learned Optimization", "A paper.",
            "Neighborhood — ranked by edge-count", "Thinkers (1)", "thinker", "- Evan Hubingerauthored_by",
            "Concepts (1)", "concept", "- Deceptive AlignmentintroducesNamed here", "");

    /** Gives Zed Quill only on a line that itself needs names: that label is a guess, and must not end another line's. */
    private static final String GUESSING = String.join("\n", "concept", "active", "concept:guessed-namesGuessed Names",
            "A page whose own line is a guess.", "Neighborhood — ranked by edge-count", "Thinkers (1)", "thinker",
            "- Zed Quillstudiesthe quiet case", "");

    private static String edited(String description) {
        return String.join("\n", "concept", "active", "concept:split-by-namesSplit by Names", description,
                "Neighborhood — ranked by edge-count", "Thinkers (2)", "thinker",
                // the page of Evan Hubinger declares him: "studies" ends the label, not the later one
                "- Evan Hubingerstudiesthe case thatstudiesRL",
                // Zed Quill is known from a guess only: the text's own split (the later key) stands
                "- Zed Quillstudiesthe other case thatstudiesRL",
                "Concepts (1)", "concept",
                // a keyed member of the naming page
                "- Deceptive Alignmentextendsthe case thatextendsRL", "");
    }

    private BuildReport build(KnowledgeStore store, Path seeds, SeedBuild[] used) throws Exception {
        SeedBuild b = new SeedBuild(pipeline, false).chunksOf(3);
        used[0] = b;
        try {
            return b.run(store, SeedFiles.folder(seeds));
        } catch (BuildFailedException e) {
            throw new AssertionError(e.getMessage() + " " + e.messages(), e);
        }
    }

    @Test
    void anEditedPageThatNeedsNamesIsBuiltAloneAsAFullBuildBuildsIt() throws Exception {
        Path seeds = TestSeeds.copy(dir);
        Files.writeString(seeds.resolve("paper-risks.txt"), NAMING, StandardCharsets.UTF_8);
        Files.writeString(seeds.resolve("concept-guessed-names.txt"), GUESSING, StandardCharsets.UTF_8);
        Path page = seeds.resolve("concept-split-by-names.txt");
        Files.writeString(page, edited("Before the edit."), StandardCharsets.UTF_8);
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("db"));
        SeedBuild[] used = new SeedBuild[1];
        build(store, seeds, used);

        Files.writeString(page, edited("After the edit."), StandardCharsets.UTF_8);
        BuildReport report = build(store, seeds, used);
        assertEquals(Optional.empty(), used[0].whyEveryPage(), "the edited page was built alone");
        assertEquals(1, report.replaced(), report.toString());
        Node graph = new Uris(BASE).seedGraph("concept-split-by-names.txt");
        assertTrue(labels(store, graph).containsAll(Set.of("Evan Hubinger", "Zed Quillstudiesthe other case that", "Deceptive Alignment")),
                labels(store, graph).toString());

        KnowledgeStore fresh = KnowledgeStore.open(dir.resolve("fresh"));
        build(fresh, seeds, used);
        assertEquals(content(fresh), content(store));
    }

    private static Set<String> labels(KnowledgeStore store, Node graph) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream(graph, Node.ANY, RDFS.label.asNode(), Node.ANY)
                .map(q -> q.getObject().getLiteralLexicalForm()).collect(Collectors.toSet()));
    }

    /** Every quad but the times and the derived graph's token, which a history of builds moves on. */
    private static Set<String> content(KnowledgeStore store) {
        Node derived = new Uris(BASE).derivedGraph();
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream()
                .filter(q -> !q.getPredicate().equals(DCTerms.modified.asNode()))
                .filter(q -> !(q.getGraph().equals(derived) && q.getPredicate().equals(KG.contentHash)))
                .map(q -> Stream.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())
                        .map(n -> n.isBlank() ? "_:" : n.toString()).collect(Collectors.joining(" ")))
                .collect(Collectors.toSet()));
    }
}
