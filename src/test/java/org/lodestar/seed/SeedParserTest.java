package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.seed.TestVocabulary.assertDiagnostics;
import static org.lodestar.seed.TestVocabulary.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The layout rules, on small hand-made pages; member and similarity lines have their own tests. */
class SeedParserTest {

    /** Lines 1 to 5 of a well-formed page; a body added after it starts at line 6. */
    static final String HEAD = "concept\nactive\nconcept:fooFoo\nA description\nNeighborhood — ranked by edge-count\n";

    static final String SIMILARITY = "Related by similarity (1)\ncosine ≥ 0.65 · no typed edgeWhy\n";

    private static Arguments page(String name, String text, String... diagnostics) {
        return Arguments.of(name, text, diagnostics);
    }

    /** Pages from which no entity can be identified: page is null. */
    static Stream<Arguments> unusable() {
        return Stream.of(
                page("empty file", "", "1: error: empty file"),
                page("only blanks", "  \n\t\r\n\n", "1: error: empty file"),
                page("only a BOM", "\uFEFF", "1: error: empty file"),
                page("BOM and blanks", "\uFEFF\r\n \r\n", "1: error: empty file"),
                page("upper-case header", "Concept\nactive\nconcept:fooFoo\n", "1: error: no header: the first line 'Concept' is not a type key (one of [artifact, claim"),
                page("unknown type key", "widget\nactive\n", "1: error: no header: the first line 'widget'"),
                page("id line first", "concept:fooFoo\nactive\n", "1: error: no header: the first line 'concept:fooFoo'"),
                page("header only", "concept\n", "1: error: no status line after the header 'concept'", "1: error: no id line"),
                page("no id line", "\nconcept\n\nactive\n", "4: error: no id line"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unusable")
    void refusesPagesWithoutAnEntity(String name, String text, String[] diagnostics) {
        ParseResult result = parse(text);
        assertNull(result.page());
        assertTrue(result.hasErrors());
        assertDiagnostics(result.diagnostics(), diagnostics);
    }

    /** Pages that parse, with exactly these diagnostics. */
    static Stream<Arguments> layout() {
        return Stream.of(
                page("well-formed, no groups", HEAD),
                page("blank lines anywhere", "\n" + HEAD.replace("\n", "\n\n") + "\n\n"),
                page("no description", "concept\nactive\nconcept:fooFoo\nNeighborhood — ranked by edge-count\n",
                        "4: warning: no description: line 4 is already 'Neighborhood — ranked by edge-count'"),
                page("no description, no neighbourhood line", "concept\nactive\nconcept:fooFoo\nPapers (0)\npaper\n",
                        "4: warning: no description: line 4 is already 'Papers (0)'",
                        "4: warning: missing line 'Neighborhood — ranked by edge-count'"),
                page("ends after the id", "concept\nactive\nconcept:fooFoo\n",
                        "3: warning: no description: the page ends after its id",
                        "3: warning: missing line 'Neighborhood — ranked by edge-count'"),
                page("no neighbourhood line", "concept\nactive\nconcept:fooFoo\nA description\n",
                        "4: warning: missing line 'Neighborhood — ranked by edge-count'"),
                page("no status line", "concept\nconcept:fooFoo\nA description\nNeighborhood — ranked by edge-count\n",
                        "2: error: no status line after the header 'concept'"),
                page("no explicit id", "concept\nactive\nFoo\nA description\nNeighborhood — ranked by edge-count\n",
                        "3: warning: no explicit id ('concept:slug'): the whole line is the label"),
                page("id of another type", "concept\nactive\npaper:fooFoo\nA description\nNeighborhood — ranked by edge-count\n",
                        "3: error: id has type 'paper' but the header says 'concept'"),
                page("declared count larger", HEAD + "Papers (2)\npaper\n", "6: warning: 'Papers (2)' declares 2, lists 0"),
                page("declared count smaller", HEAD + "Papers (0)\npaper\n- Foostudies\n", "6: warning: 'Papers (0)' declares 0, lists 1"),
                page("wrong type key line", HEAD + "Papers (1)\nthinker\n- Foostudies\n",
                        "7: error: group 'Papers' has type key 'thinker', expected 'paper'"),
                page("missing type key line", HEAD + "Papers (1)\n- Foostudies\n",
                        "7: error: group 'Papers' is not followed by its type key line 'paper'"),
                page("missing type key line at the end", HEAD + "Papers (0)\n",
                        "6: error: group 'Papers' is not followed by its type key line 'paper'"),
                page("heading with no class", HEAD + "Entities (1)\nentity\n- Foo\n",
                        "6: warning: unexpected line ignored: Entities (1) (not a heading of the vocabulary)",
                        "7: warning: unexpected line ignored: entity",
                        "8: warning: unexpected line ignored: - Foo (under the ignored heading 'Entities (1)')"),
                page("unknown heading does not take over items", HEAD + "Papers (1)\npaper\n- Foostudies\nWidgets (1)\nwidget\n- Bar\n",
                        "9: warning: unexpected line ignored: Widgets (1) (not a heading of the vocabulary)",
                        "10: warning: unexpected line ignored: widget",
                        "11: warning: unexpected line ignored: - Bar (under the ignored heading 'Widgets (1)')"),
                page("item outside a group", HEAD + "- Foostudies\nPapers (0)\npaper\n",
                        "6: warning: unexpected line ignored: - Foostudies (not in a group)"),
                page("stray text in a group", HEAD + "Papers (1)\npaper\nsome note\n- Foostudies\n",
                        "8: warning: unexpected line ignored: some note"),
                page("second neighbourhood line", HEAD + "Neighborhood — ranked by edge-count\n",
                        "6: warning: unexpected line ignored: Neighborhood — ranked by edge-count"),
                page("repeated group", HEAD + "Papers (1)\npaper\n- Foostudies\nPapers (1)\npaper\n- Barstudies\n",
                        "9: warning: group 'Papers' appears again (first at line 6); kept as a separate group"),
                page("empty item", HEAD + "Papers (1)\npaper\n- \n-\n- Foostudies\n",
                        "8: warning: empty list item ignored", "9: warning: empty list item ignored"),
                page("unknown glued key", HEAD + "Papers (1)\npaper\n- Foorefutes_stronglyThe paper disagrees\n",
                        "8: warning: looks like fields glued around an unknown edge key at the end of 'Foorefutes_strongly'"),
                page("columns count the indent", HEAD + "Papers (1)\npaper\n  -  Toolkit thatusesTools andcitesThem\n",
                        "8: warning: took 'uses' at column 18; alternatives: 'cites' at column 31"),
                page("similarity, well-formed", HEAD + SIMILARITY + "- Fooconcept0.7Bar\n"),
                page("similarity count", HEAD + SIMILARITY + "- Fooconcept0.7Bar\n- Baz\n",
                        "6: warning: 'Related by similarity (1)' declares 1, lists 2"),
                page("threshold line missing", HEAD + "Related by similarity (1)\n- Fooconcept0.7Bar\n",
                        "7: error: 'Related by similarity' is not followed by its line 'cosine ≥ {threshold} · no typed edge…'"),
                page("threshold line missing at the end", HEAD + "Related by similarity (0)\n",
                        "6: error: 'Related by similarity' is not followed by its line"),
                page("threshold line malformed", HEAD + "Related by similarity (1)\ncosine >= 0.65 · no typed edge\n- Fooconcept0.7Bar\n",
                        "7: error: malformed threshold line, expected 'cosine ≥ {0..1} · no typed edge…': cosine >= 0.65 · no typed edge"),
                page("threshold above 1", HEAD + "Related by similarity (1)\ncosine ≥ 1.5 · no typed edge\n- Fooconcept0.7Bar\n",
                        "7: error: malformed threshold line"),
                page("threshold not a number", HEAD + "Related by similarity (1)\ncosine ≥ high · no typed edge\n- Fooconcept0.7Bar\n",
                        "7: error: malformed threshold line"),
                page("unreadable score", HEAD + SIMILARITY + "- Fooconcept1.5Bar\n", "8: error: unreadable score '1.5'"),
                page("text after similarity", HEAD + SIMILARITY + "- Fooconcept0.7Bar\nThe end.\n",
                        "9: warning: unexpected line ignored: The end. (after the similarity section)"),
                page("group after similarity", HEAD + SIMILARITY + "- Fooconcept0.7Bar\nPapers (1)\npaper\n- Foostudies\n",
                        "9: warning: unexpected line ignored: Papers (1) (a group after the similarity section)",
                        "10: warning: unexpected line ignored: paper",
                        "11: warning: unexpected line ignored: - Foostudies (under the ignored heading 'Papers (1)')"),
                page("second similarity section", HEAD + SIMILARITY + "- Fooconcept0.7Bar\n" + SIMILARITY + "- Bazclaim0.6\n",
                        "6: warning: 'Related by similarity (1)' declares 1, lists 2",
                        "9: warning: unexpected line ignored: Related by similarity (1) (a second similarity section; its entries are added to the first)",
                        "10: warning: unexpected line ignored: cosine ≥ 0.65 · no typed edgeWhy (after the similarity section)"),
                page("bad UTF-8 in a member", HEAD + "Papers (1)\npaper\n- Caf\uFFFDstudies\n",
                        "8: error: malformed UTF-8 at column 6: byte 0xE9"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("layout")
    void reportsLayoutProblems(String name, String text, String[] diagnostics) {
        // U+FFFD in a table row stands for one byte that is not UTF-8
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        content = LineReaderTest.concat(text.contains("\uFFFD")
                ? new byte[][] {bytes(text.substring(0, text.indexOf('\uFFFD'))), {(byte) 0xE9}, bytes(text.substring(text.indexOf('\uFFFD') + 1))}
                : new byte[][] {content});
        ParseResult result = new SeedParser(TestVocabulary.VOCABULARY).parse("t.txt", content);
        assertNotNull(result.page());
        assertDiagnostics(result.diagnostics(), diagnostics);
        assertEquals(List.of(diagnostics).stream().anyMatch(d -> d.contains(": error: ")), result.hasErrors());
    }

    @Test
    void readsTheFieldsOfASmallPage() {
        ParseResult result = parse("""
                \uFEFFquestion\r
                open\r
                question:could-it-scaleCould it scale?\r
                \r
                Whether the effect grows with model size\r
                Neighborhood — ranked by edge-count\r
                Papers (2)\r
                paper\r
                - Alignment Faking in Large Language ModelsmotivatesLeft open \t\r
                - Publicly released code\r
                Related by similarity (2)\r
                cosine ≥ 0.7 · no typed edge\r
                - Scaling lawsconcept0.9\r
                - Emergent abilities\r
                """);
        assertDiagnostics(result.diagnostics());
        EntityPage page = result.page();
        assertEquals(new EntityPage("t.txt", 3, "question", "open", "could-it-scale", "Could it scale?",
                "Whether the effect grows with model size",
                List.of(new Group("Papers", 2, "paper", 7, List.of(
                        new Member("Alignment Faking in Large Language Models", "motivates", "Left open", 9, 1),
                        new Member("Publicly released code", null, null, 10, 2)))),
                new SimilaritySection(2, "0.7", "", 11, List.of(
                        new SimilarEntry("Scaling laws", "concept", "0.9", null, 13, 1),
                        new SimilarEntry("Emergent abilities", null, null, null, 14, 2)))), page);
    }

    @Test
    void diagnosticsPrintLikeACompiler() {
        assertEquals("a.txt:6: warning: 'Papers (2)' declares 2, lists 0",
                new Diagnostic("a.txt", 6, Severity.WARNING, "'Papers (2)' declares 2, lists 0").toString());
        assertEquals("a.txt:1: error: empty file", new Diagnostic("a.txt", 1, Severity.ERROR, "empty file").toString());
    }

    @Test
    void warningsAloneAreNoErrors() {
        ParseResult result = parse(HEAD + "Papers (2)\npaper\n");
        assertFalse(result.hasErrors());
        assertEquals(1, result.diagnostics().size());
    }

    @Test
    void vocabularyRejectsAHeadingOfAnUnknownType() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Vocabulary(java.util.Map.of("Widgets", "widget"), java.util.Set.of("concept"), java.util.Set.of()));
        assertTrue(e.getMessage().contains("'Widgets'"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
