package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdLineTest {

    /** Columns: page type | id line | slug | label | expected diagnostics, " | "-separated inside quotes. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', nullValues = "null", textBlock = """
            concept;   concept:alignment-fakingAlignment Faking;  alignment-faking;  Alignment Faking;  ""
            concept;   concept:compliance-gapCompliance Gap;      compliance-gap;    Compliance Gap;    ""
            framework; framework:constitutional-aiConstitutional AI; constitutional-ai; Constitutional AI; ""
            paper;     paper:alignment-faking-in-large-language-modelsAlignment Faking in Large Language Models; alignment-faking-in-large-language-models; Alignment Faking in Large Language Models; ""
            thinker;   thinker:evan-hubingerEvan Hubinger;        evan-hubinger;     Evan Hubinger;     ""
            thinker;   thinker:greenblatt-et-alGreenblatt et al.; greenblatt-et-al;  Greenblatt et al.; ""
            concept;   concept:godel-s-theoremGödel's “Theorem”;  godel-s-theorem;   Gödel's “Theorem”; ""
            paper;     paper:2024-study2024 Study;                2024-study;        2024 Study;        ""
            concept;   concept:p-hackingp-hacking;                p-hacking;         p-hacking;         ""
            concept;   concept:ai-safety-via-debate ai safety via debate; ai-safety-via-debate; ai safety via debate; ""
            concept;   concept:faking-alignmentAlignment Faking;  faking-alignment;  Alignment Faking;  1: warning: guessed the boundary between slug 'faking-alignment' and label 'Alignment Faking'
            concept;   concept:sum∑;                              sum;               ∑;                 1: warning: (the label slugifies to '')
            concept;   concept:alignmentfaking;                   alignmentfaking;   null;              1: error: has no label after it
            concept;   concept:;                                  null;              null;              1: error: id 'concept:' has no slug
            concept;   concept:Alignment Faking;                  null;              Alignment Faking;  1: error: id 'concept:' has no slug
            concept;   concept:bad--slugBad (Slug);               bad--slug;         Bad (Slug);        1: warning: guessed the boundary | 1: error: slug 'bad--slug' of id 'concept:bad--slug' is not of the form
            concept;   paper:alignment-fakingAlignment Faking;    alignment-faking;  Alignment Faking;  1: error: id has type 'paper' but the header says 'concept'
            concept;   Alignment Faking;                          null;              Alignment Faking;  1: warning: no explicit id ('concept:slug'): the whole line is the label
            concept;   Note: Alignment Faking;                    null;              Note: Alignment Faking; 1: warning: no explicit id
            concept;   ∑ ∞;                                       null;              ∑ ∞;               1: warning: no explicit id | 1: error: label '∑ ∞' gives an empty slug; the page needs an explicit id
            concept;   Concept:alignment-fakingAlignment Faking;  null;              Concept:alignment-fakingAlignment Faking; 1: warning: no explicit id
            """)
    void splitsIdFromLabel(String type, String text, String slug, String label, String diagnostics) {
        Diagnostics found = new Diagnostics("t.txt");
        IdLine id = IdLine.parse(text, 1, type, TestVocabulary.TYPE_KEYS, found);
        assertEquals(slug, id.slug(), "slug");
        assertEquals(label, id.label(), "label");
        TestVocabulary.assertDiagnostics(found.inLineOrder(), TestVocabulary.rows(diagnostics));
    }
}
