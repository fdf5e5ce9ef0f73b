package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Member lines whose justification starts with something other than an upper-case letter, a digit
 * or a quotation mark. The shape of the text cannot tell where the label ends; the names the other
 * pages give can, and without them the split is a guess that a warning names.
 */
class UnusualJustificationTest {

    /** What a second page of the build names: its own label and id, and its neighbours' labels. */
    private static final String OTHER_PAGE = String.join("\n",
            "paper", "active", "paper:risks-from-learned-optimizationRisks from Learned Optimization",
            "A paper", "Neighborhood — ranked by edge-count",
            "Thinkers (3)", "thinker",
            "- Evan Hubingerauthored_by",
            "- Joseph Carlsmithauthored_byCo-author",
            "- 李飞飞authored_by",
            "Concepts (3)", "concept",
            "- Mesa-OptimizationintroducesNamed here",
            "- Deceptive AlignmentintroducesNamed here",
            "- Goal Misgeneralizationstudies", "");

    private static final KnownNames NAMES = new KnownNames.Builder()
            .add(TestVocabulary.parse(OTHER_PAGE))
            .add(TestVocabulary.parse(String.join("\n", "concept", "active", "concept:inner-alignmentInner Alignment", "d", "")))
            .build();

    private static Arguments row(String kind, String type, String text, String label, String key, String justification) {
        return Arguments.of(kind, type, text, label, key, justification);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                row("angle bracket", "thinker", "Evan Hubingerstudies<model organisms> of misalignment",
                        "Evan Hubinger", "studies", "<model organisms> of misalignment"),
                row("parenthesis", "thinker", "Joseph Carlsmithstudies(with caveats) scheming AIs",
                        "Joseph Carlsmith", "studies", "(with caveats) scheming AIs"),
                row("square bracket", "concept", "Deceptive Alignmentextends[1] the inner alignment problem",
                        "Deceptive Alignment", "extends", "[1] the inner alignment problem"),
                row("curly brace", "concept", "Mesa-Optimizationextends{formal} definition",
                        "Mesa-Optimization", "extends", "{formal} definition"),
                row("lower-case word", "thinker", "Evan Hubingerstudiesthe deceptive alignment case",
                        "Evan Hubinger", "studies", "the deceptive alignment case"),
                row("lower-case word with a key inside it", "concept", "Goal Misgeneralizationextendsuses of RL",
                        "Goal Misgeneralization", "extends", "uses of RL"),
                row("lower-case word, label known only by its id", "concept", "Inner alignmentextendsa harder case",
                        "Inner alignment", "extends", "a harder case"),
                row("emoji", "thinker", "Joseph Carlsmithstudies🔥 scheming report", "Joseph Carlsmith", "studies", "🔥 scheming report"),
                row("emoji with joiner", "thinker", "Evan Hubingerstudies👩‍🔬 model organisms", "Evan Hubinger", "studies", "👩‍🔬 model organisms"),
                row("Han characters", "thinker", "李飞飞studies视觉识别的基础工作", "李飞飞", "studies", "视觉识别的基础工作"),
                row("Cyrillic lower case", "concept", "Deceptive Alignmentextendsобман при обучении", "Deceptive Alignment", "extends", "обман при обучении"),
                row("Greek lower case", "concept", "Mesa-Optimizationextendsαλγόριθμος μάθησης", "Mesa-Optimization", "extends", "αλγόριθμος μάθησης"),
                row("Arabic", "concept", "Goal Misgeneralizationextendsتعميم الأهداف", "Goal Misgeneralization", "extends", "تعميم الأهداف"),
                row("Hebrew", "concept", "Deceptive Alignmentextendsהטעיה", "Deceptive Alignment", "extends", "הטעיה"),
                row("Devanagari", "concept", "Mesa-Optimizationextendsअनुकूलन", "Mesa-Optimization", "extends", "अनुकूलन"),
                row("hyphen", "concept", "Deceptive Alignmentextends-style argument", "Deceptive Alignment", "extends", "-style argument"),
                row("ellipsis", "thinker", "Evan Hubingerstudies…and more", "Evan Hubinger", "studies", "…and more"),
                row("known label preferred over an upper-case split later on", "thinker",
                        "Evan Hubingerstudiesthe case thatusesRL", "Evan Hubinger", "studies", "the case thatusesRL"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void aKnownLabelEndsTheLabel(String kind, String type, String text, String label, String key, String justification) {
        Diagnostics found = new Diagnostics("t.txt");
        Member m = new MemberLineSplitter(TestVocabulary.EDGE_KEYS, NAMES).split(text, type, 7, 3, 1, found);
        assertEquals(new Member(label, key, justification, 7, 1), m);
        TestVocabulary.assertDiagnostics(found.inLineOrder());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void withoutNamesTheSplitIsAGuessThatIsReported(String kind, String type, String text, String label, String key, String justification) {
        Diagnostics found = new Diagnostics("t.txt");
        Member m = new MemberLineSplitter(TestVocabulary.EDGE_KEYS).split(text, type, 7, 3, 1, found);
        assertTrue(found.namesMattered(), "the page must be parsed again with names");
        assertEquals(1, found.inLineOrder().size(), () -> "one warning: " + found.inLineOrder());
        Diagnostic d = found.inLineOrder().get(0);
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.toString().startsWith("t.txt:7: warning: "), d.toString());
        if (!m.label().equals(label)) // an upper-case split later on was taken: the others are named
            assertTrue(d.message().contains("alternatives: '" + key + "'"), d.message());
        else
            assertTrue(d.message().contains("guessed the end of the label") && d.message().contains("'" + label + "'"), d.message());
    }

    @Test
    void anUnknownLabelIsStillAGuess() {
        Diagnostics found = new Diagnostics("t.txt");
        Member m = new MemberLineSplitter(TestVocabulary.EDGE_KEYS, NAMES).split("Paul Christianostudiesthe ELK problem", "thinker", 4, 3, 1, found);
        assertEquals(new Member("Paul Christiano", "studies", "the ELK problem", 4, 1), m);
        TestVocabulary.assertDiagnostics(found.inLineOrder(),
                "4: warning: guessed the end of the label: took 'studies' at column 18, so the label is 'Paul Christiano'"
                        + " and the justification starts with 't'; no thinker named on another page has that label");
    }

    @Test
    void aLabelOfAnotherTypeDoesNotCount() {
        Diagnostics found = new Diagnostics("t.txt");
        // "Evan Hubinger" is a thinker, not a concept
        new MemberLineSplitter(TestVocabulary.EDGE_KEYS, NAMES).split("Evan Hubingerstudiesthe case", "concept", 4, 3, 1, found);
        TestVocabulary.assertDiagnostics(found.inLineOrder(), "4: warning: guessed the end of the label");
    }

    @Test
    void ordinaryLinesDoNotDependOnNames() {
        Diagnostics found = new Diagnostics("t.txt");
        new MemberLineSplitter(TestVocabulary.EDGE_KEYS).split("Evan HubingerstudiesCore work", "thinker", 4, 3, 1, found);
        new MemberLineSplitter(TestVocabulary.EDGE_KEYS).split("Publicly released code", "thinker", 5, 3, 1, found);
        assertFalse(found.namesMattered());
        assertTrue(found.inLineOrder().isEmpty());
    }

    @Test
    void aGuessedSplitDoesNotConfirmItself() {
        // a page whose own line needed names gives its page label, never the labels it guessed
        ParseResult guessed = TestVocabulary.parse(String.join("\n", "paper", "active", "paper:xX", "d",
                "Neighborhood — ranked by edge-count", "Thinkers (1)", "thinker", "- Paul Christianostudiesthe ELK problem", ""));
        assertTrue(guessed.dependsOnNames());
        KnownNames names = new KnownNames.Builder().add(guessed).build();
        assertFalse(names.knows("thinker", "Paul Christiano"));
        assertTrue(names.knows("paper", "X"));
    }

    @Test
    void aParserWithNamesSplitsAWholePageWithoutWarnings() {
        String page = String.join("\n", "concept", "active", "concept:scheming-aisScheming AIs", "Models that fake alignment",
                "Neighborhood — ranked by edge-count", "Thinkers (2)", "thinker",
                "- Joseph Carlsmithstudies(2023) the main report", "- 李飞飞studies关联", "");
        ParseResult r = new SeedParser(TestVocabulary.VOCABULARY, NAMES).parse("s.txt", page.getBytes(StandardCharsets.UTF_8));
        assertEquals(new Member("Joseph Carlsmith", "studies", "(2023) the main report", 8, 1), r.page().groups().get(0).members().get(0));
        assertEquals(new Member("李飞飞", "studies", "关联", 9, 2), r.page().groups().get(0).members().get(1));
        TestVocabulary.assertDiagnostics(r.diagnostics());
    }
}
