package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.seed.TestVocabulary.assertDiagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real pages in seeds/ (tests run from the repository root). */
class SeedFilesTest {

    private static final Path SEEDS = Path.of("seeds");

    private static ParseResult parse(String file) throws IOException {
        return new SeedParser(TestVocabulary.VOCABULARY).parse(file, Files.readAllBytes(SEEDS.resolve(file)));
    }

    private static Arguments file(String name, String typeKey, String slug, String label, List<String> groups,
                                  List<Integer> members, int similar, int scored, String... diagnostics) {
        return Arguments.of(name, typeKey, slug, label, groups, members, similar, scored, diagnostics);
    }

    static Stream<Arguments> files() {
        return Stream.of(
                file("000_863e84539516a0bc.txt", "concept", "alignment-faking", "Alignment Faking",
                        List.of("Papers", "Thinkers", "Frameworks", "Methods", "Concepts", "Artifacts", "Quotes"),
                        List.of(0, 3, 1, 1, 13, 2, 2), 8, 2,
                        "6: warning: 'Papers (2)' declares 2, lists 0"),
                file("concept-compliance-gap.txt", "concept", "compliance-gap", "Compliance Gap",
                        List.of("Papers", "Thinkers", "Concepts", "Claims"), List.of(1, 1, 3, 1), 2, 2),
                file("framework-constitutional-ai.txt", "framework", "constitutional-ai", "Constitutional AI",
                        List.of("Papers", "Methods", "Concepts"), List.of(1, 1, 2), 1, 1),
                file("paper-alignment-faking-in-large-language-models.txt", "paper", "alignment-faking-in-large-language-models",
                        "Alignment Faking in Large Language Models",
                        List.of("Thinkers", "Concepts", "Artifacts", "Questions"), List.of(2, 2, 1, 1), 1, 1),
                file("thinker-evan-hubinger.txt", "thinker", "evan-hubinger", "Evan Hubinger",
                        List.of("Papers", "Concepts"), List.of(2, 3), 1, 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("files")
    void parsesEachSeedFile(String name, String typeKey, String slug, String label, List<String> groups,
                            List<Integer> members, int similar, int scored, String[] diagnostics) throws IOException {
        ParseResult result = parse(name);
        assertDiagnostics(result.diagnostics(), diagnostics);
        EntityPage page = result.page();
        assertEquals(List.of(name, 3, typeKey, "active", slug, label), List.of(page.file(), page.line(), page.typeKey(), page.status(), page.slug(), page.label()));
        assertEquals(groups, page.groups().stream().map(Group::heading).toList());
        assertEquals(members, page.groups().stream().map(g -> g.members().size()).toList());
        assertEquals(similar, page.similarity().entries().size());
        assertEquals(scored, page.similarity().entries().stream().filter(e -> e.score() != null).count());
        assertEquals("0.65", page.similarity().threshold());
        assertTrue(page.similarity().explanation().startsWith("Entities in the same semantic neighborhood"));
        for (Group g : page.groups())
            for (int i = 0; i < g.members().size(); i++)
                assertEquals(i + 1, g.members().get(i).position());
    }

    @Test
    void alignmentFakingPageInDetail() throws IOException {
        EntityPage page = parse("000_863e84539516a0bc.txt").page();
        assertEquals("Core phenomenon studied: model selectively complies with training objective to prevent modification"
                + " of its out-of-training preferences", page.description());
        assertEquals(new Group("Papers", 2, "paper", 6, List.of()), page.groups().get(0));
        Group thinkers = page.groups().get(1);
        assertEquals(List.of(
                new Member("Evan Hubinger", "studies", null, 10, 1),
                new Member("Greenblatt et al.", "studies",
                        "Cited for alignment faking work showing RL can produce superficially aligned but deceptive behaviors", 11, 2),
                new Member("Joseph Carlsmith", "studies", "Prior theoretical work on scheming AIs that motivates this paper", 12, 3)),
                thinkers.members());
        Group concepts = page.groups().get(4);
        assertEquals(List.of("Concepts", 13, "concept", 19), List.of(concepts.heading(), concepts.declaredCount(), concepts.typeKey(), concepts.line()));
        assertEquals(new Member("Sycophancy in LLMs", "analogous_to",
                "Tendency of LLMs to please the user; identified as a danger in spiritual contexts.", 25, 5), concepts.members().get(4));
        assertEquals(new Member("Goal Misgeneralization", "extends",
                "Models learning goals that generalize undesirably outside training distribution; alignment faking is a challenging instance", 33, 13),
                concepts.members().get(12));
        assertEquals(new Member("Publicly released code for reproducing experiments", null, null, 36, 1),
                page.groups().get(5).members().get(0));
        SimilaritySection similarity = page.similarity();
        assertEquals(List.of(8, 42), List.of(similarity.declaredCount(), similarity.line()));
        assertEquals(new SimilarEntry("The alignment-faking setup functions as an effective jailbreak for harmful query compliance",
                "claim", "0.809", "Side finding with safety implications for how alignment faking could be misused", 49, 6),
                similarity.entries().get(5));
        assertEquals(new SimilarEntry("LLM-based classifier prompted to detect alignment-faking reasoning in model scratchpads",
                null, null, null, 44, 1), similarity.entries().get(0));
        assertEquals("question", similarity.entries().get(6).typeKey());
    }

    @Test
    void compliancePageInDetail() throws IOException {
        EntityPage page = parse("concept-compliance-gap.txt").page();
        assertEquals(new Member("Training-Deployment Behavior Gap", "instance_of",
                "A directly measured case of behaving differently in training and in deployment", 15, 2), page.groups().get(2).members().get(1));
        assertEquals(List.of(
                new SimilarEntry("Evaluation Awareness", "concept", "0.742", "Ability of a model to notice that it is being tested", 22, 1),
                new SimilarEntry("Scratchpad reasoning reveals strategic compliance during training", "claim", "0.701", null, 23, 2)),
                page.similarity().entries());
    }

    @Test
    void paperPageInDetail() throws IOException {
        EntityPage page = parse("paper-alignment-faking-in-large-language-models.txt").page();
        assertEquals(new Member("Greenblatt et al.", "authored_by", null, 8, 1), page.groups().get(0).members().get(0));
        assertEquals(new Member("Compliance Gap", "introduces", "Headline metric of the paper", 12, 1), page.groups().get(1).members().get(0));
        assertEquals(new Member("Could alignment faking emerge from genuinely malicious or dangerous preferences rather than benign HHH preferences?",
                "motivates", "Left open by the authors as a limitation", 19, 1), page.groups().get(3).members().get(0));
    }

    static Stream<Path> allSeeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    /** Every page in seeds/, also those added later: no errors, and the same page whatever its BOM and line ends. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("allSeeds")
    void lineEndsAndByteOrderMarkDoNotMatter(Path seed) throws IOException {
        String name = seed.getFileName().toString();
        String text = Files.readString(seed, StandardCharsets.UTF_8).replace("\r\n", "\n");
        ParseResult lf = parse(name);
        assertFalse(lf.hasErrors(), () -> lf.diagnostics().toString());
        for (String variant : List.of("\uFEFF" + text.replace("\n", "\r\n"), text.replace("\n", "\r"), "\uFEFF" + text)) {
            ParseResult other = new SeedParser(TestVocabulary.VOCABULARY).parse(name, variant.getBytes(StandardCharsets.UTF_8));
            assertEquals(lf, other);
        }
        Objects.requireNonNull(lf.page());
    }
}
