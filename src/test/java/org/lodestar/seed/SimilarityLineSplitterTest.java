package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimilarityLineSplitterTest {

    private static Arguments row(String text, String label, String typeKey, String score, String note, String... diagnostics) {
        return Arguments.of(text, label, typeKey, score, note, diagnostics);
    }

    static Stream<Arguments> seedLines() {
        return Stream.of(
                // 000_863e84539516a0bc.txt
                row("The alignment-faking setup functions as an effective jailbreak for harmful query complianceclaim0.809Side finding with safety implications for how alignment faking could be misused",
                        "The alignment-faking setup functions as an effective jailbreak for harmful query compliance", "claim", "0.809",
                        "Side finding with safety implications for how alignment faking could be misused"),
                row("Could alignment faking emerge from genuinely malicious or dangerous preferences rather than benign HHH preferences?question0.808Key open question identified by authors as limitation; not demonstrated in this work",
                        "Could alignment faking emerge from genuinely malicious or dangerous preferences rather than benign HHH preferences?",
                        "question", "0.808", "Key open question identified by authors as limitation; not demonstrated in this work"),
                row("LLM-based classifier prompted to detect alignment-faking reasoning in model scratchpads",
                        "LLM-based classifier prompted to detect alignment-faking reasoning in model scratchpads", null, null, null),
                row("Alignment faking appears almost exclusively in models at scale of Claude 3 Opus and Claude 3.5 Sonnet",
                        "Alignment faking appears almost exclusively in models at scale of Claude 3 Opus and Claude 3.5 Sonnet", null, null, null),
                row("Central interpretive claim distinguishing this work from prior work that explicitly trained alignment faking",
                        "Central interpretive claim distinguishing this work from prior work that explicitly trained alignment faking", null, null, null),
                // concept-compliance-gap.txt
                row("Evaluation Awarenessconcept0.742Ability of a model to notice that it is being tested",
                        "Evaluation Awareness", "concept", "0.742", "Ability of a model to notice that it is being tested"),
                row("Scratchpad reasoning reveals strategic compliance during trainingclaim0.701",
                        "Scratchpad reasoning reveals strategic compliance during training", "claim", "0.701", null),
                // framework-constitutional-ai.txt
                row("Reinforcement Learning from AI Feedbackmethod0.884Possible duplicate of the framework's second stage",
                        "Reinforcement Learning from AI Feedback", "method", "0.884", "Possible duplicate of the framework's second stage"),
                // paper-alignment-faking-in-large-language-models.txt
                row("Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Trainingpaper0.772Earlier work that trained deceptive behaviour in on purpose",
                        "Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training", "paper", "0.772",
                        "Earlier work that trained deceptive behaviour in on purpose"),
                // thinker-evan-hubinger.txt
                row("Joseph Carlsmiththinker0.671Author of a long report on whether advanced AIs will scheme",
                        "Joseph Carlsmith", "thinker", "0.671", "Author of a long report on whether advanced AIs will scheme"));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("Fooentity0.5Bar", "Foo", "entity", "0.5", "Bar"),
                row("Fooconcept1", "Foo", "concept", "1", null),
                row("Fooconcept0", "Foo", "concept", "0", null),
                row("Fooconcept1.000", "Foo", "concept", "1.000", null),
                row("Fooconcept0.9 spaced note", "Foo", "concept", "0.9", "spaced note"),
                row("Fooconcept0.9lower-case note", "Foo", "concept", "0.9", "lower-case note"),
                // unreadable scores are errors: the entry keeps label and type, but no score
                row("Fooconcept1.5Bar", "Foo", "concept", null, null, "1: error: unreadable score '1.5' after type key 'concept'"),
                row("Fooconcept0.8.1x", "Foo", "concept", null, null, "1: error: unreadable score '0.8.1' after type key 'concept'"),
                row("Fooclaim0.Bar", "Foo", "claim", null, null, "1: error: unreadable score '0.'"),
                row("Fooclaim2", "Foo", "claim", null, null, "1: error: unreadable score '2'"),
                // a type key at the end without a score
                row("Scratchpad reasoning reveals strategic compliance during trainingclaim",
                        "Scratchpad reasoning reveals strategic compliance during training", "claim", null, null,
                        "1: warning: type key 'claim' at the end of the line has no score"),
                // label-only: no key, a key after a space, a key not followed by a digit, a key with no label
                row("A disputed claim", "A disputed claim", null, null, null),
                row("A disputed claim 0.8", "A disputed claim 0.8", null, null, null),
                row("Evaluation Awareness concept0.742", "Evaluation Awareness concept0.742", null, null, null),
                row("Fooconcept.5", "Fooconcept.5", null, null, null),
                row("concept0.742", "concept0.742", null, null, null),
                // several: the leftmost wins, the others are named
                row("Model claim2 evaluationclaim0.7Note", "Model claim2 evaluation", "claim", "0.7", "Note"),
                row("GPT-4oclaim0.7Compare withquestion0.6", "GPT-4o", "claim", "0.7", "Compare withquestion0.6",
                        "1: warning: several type keys with a score fit: took 'claim' at column 9; alternatives: 'question' at column 29"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"seedLines", "rules"})
    void splitsLabelTypeScoreAndNote(String text, String label, String typeKey, String score, String note, String[] diagnostics) {
        Diagnostics found = new Diagnostics("t.txt");
        SimilarEntry entry = new SimilarityLineSplitter(TestVocabulary.TYPE_KEYS).split(text, 1, 3, 2, found);
        assertEquals(new SimilarEntry(label, typeKey, score, note, 1, 2), entry);
        TestVocabulary.assertDiagnostics(found.inLineOrder(), diagnostics);
    }
}
