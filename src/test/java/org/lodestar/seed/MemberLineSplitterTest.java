package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemberLineSplitterTest {

    private static Arguments row(String text, String label, String edgeKey, String justification, String... diagnostics) {
        return Arguments.of(text, label, edgeKey, justification, diagnostics);
    }

    static Stream<Arguments> seedLines() {
        return Stream.of(
                // 000_863e84539516a0bc.txt
                row("Evan Hubingerstudies", "Evan Hubinger", "studies", null),
                row("Greenblatt et al.studiesCited for alignment faking work showing RL can produce superficially aligned but deceptive behaviors",
                        "Greenblatt et al.", "studies",
                        "Cited for alignment faking work showing RL can produce superficially aligned but deceptive behaviors"),
                row("Joseph CarlsmithstudiesPrior theoretical work on scheming AIs that motivates this paper",
                        "Joseph Carlsmith", "studies", "Prior theoretical work on scheming AIs that motivates this paper"),
                row("Constitutional AIassociated_withAlignment approach by Anthropic that explicitly trains self-observation; predicts highest baseline and lowest prompt lift.",
                        "Constitutional AI", "associated_with",
                        "Alignment approach by Anthropic that explicitly trains self-observation; predicts highest baseline and lowest prompt lift."),
                row("Sycophancy in LLMsanalogous_toTendency of LLMs to please the user; identified as a danger in spiritual contexts.",
                        "Sycophancy in LLMs", "analogous_to", "Tendency of LLMs to please the user; identified as a danger in spiritual contexts."),
                row("Anti-AI-Lab Behaviorassociated_withActions taken by the model to undermine the AI developer, such as weight exfiltration, lying to contractors, or helping whistleblowers",
                        "Anti-AI-Lab Behavior", "associated_with",
                        "Actions taken by the model to undermine the AI developer, such as weight exfiltration, lying to contractors, or helping whistleblowers"),
                row("Goal MisgeneralizationextendsModels learning goals that generalize undesirably outside training distribution; alignment faking is a challenging instance",
                        "Goal Misgeneralization", "extends",
                        "Models learning goals that generalize undesirably outside training distribution; alignment faking is a challenging instance"),
                row("Publicly released code for reproducing experiments", "Publicly released code for reproducing experiments", null, null),
                row("Key philosophical point ruling out the objection that alignment faking is just token prediction",
                        "Key philosophical point ruling out the objection that alignment faking is just token prediction", null, null),
                row("Verbatim characterization of the alignment-faking reasoning mechanism as observed in scratchpads",
                        "Verbatim characterization of the alignment-faking reasoning mechanism as observed in scratchpads", null, null),
                // concept-compliance-gap.txt
                row("Alignment Faking in Large Language ModelsintroducesDefines the gap as the headline behavioural measurement of the study",
                        "Alignment Faking in Large Language Models", "introduces", "Defines the gap as the headline behavioural measurement of the study"),
                row("Training-Deployment Behavior Gapinstance_ofA directly measured case of behaving differently in training and in deployment",
                        "Training-Deployment Behavior Gap", "instance_of", "A directly measured case of behaving differently in training and in deployment"),
                row("The compliance gap persists after reinforcement learning on the conflicting objectivesupportsReported after RL training rather than prompting alone",
                        "The compliance gap persists after reinforcement learning on the conflicting objective", "supports",
                        "Reported after RL training rather than prompting alone"),
                // framework-constitutional-ai.txt
                row("Constitutional AI: Harmlessness from AI FeedbackintroducesThe paper that proposed the two-stage supervised and RL-from-AI-feedback recipe",
                        "Constitutional AI: Harmlessness from AI Feedback", "introduces",
                        "The paper that proposed the two-stage supervised and RL-from-AI-feedback recipe"),
                row("Sycophancy in LLMsaddressesMeant to reduce telling users what they want to hear",
                        "Sycophancy in LLMs", "addresses", "Meant to reduce telling users what they want to hear"),
                // paper-alignment-faking-in-large-language-models.txt
                row("Greenblatt et al.authored_by", "Greenblatt et al.", "authored_by", null),
                row("Evan Hubingerauthored_by", "Evan Hubinger", "authored_by", null),
                row("Compliance GapintroducesHeadline metric of the paper", "Compliance Gap", "introduces", "Headline metric of the paper"),
                row("Alignment FakingstudiesCore phenomenon of the paper", "Alignment Faking", "studies", "Core phenomenon of the paper"),
                row("Could alignment faking emerge from genuinely malicious or dangerous preferences rather than benign HHH preferences?motivatesLeft open by the authors as a limitation",
                        "Could alignment faking emerge from genuinely malicious or dangerous preferences rather than benign HHH preferences?",
                        "motivates", "Left open by the authors as a limitation"),
                // thinker-evan-hubinger.txt
                row("Risks from Learned Optimization in Advanced Machine Learning Systemsauthored_byLead author of the paper that named mesa-optimization",
                        "Risks from Learned Optimization in Advanced Machine Learning Systems", "authored_by",
                        "Lead author of the paper that named mesa-optimization"),
                row("Alignment Faking in Large Language Modelsauthored_by", "Alignment Faking in Large Language Models", "authored_by", null),
                row("Goal Misgeneralizationstudies", "Goal Misgeneralization", "studies", null));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // what may follow the key: end of line, upper case, digit, quotation mark
                row("Foocites2024 replication", "Foo", "cites", "2024 replication"),
                row("Foocites\"Quoted\" remark", "Foo", "cites", "\"Quoted\" remark"),
                row("Foocites“Curly” remark", "Foo", "cites", "“Curly” remark"),
                row("Foocites‘Single’ remark", "Foo", "cites", "‘Single’ remark"),
                row("Foocites'Plain' remark", "Foo", "cites", "'Plain' remark"),
                row("Foocites«Guillemets»", "Foo", "cites", "«Guillemets»"),
                row("Fooextends Évian", "Fooextends Évian", null, null),
                row("FooextendsÉvian", "Foo", "extends", "Évian"),
                // not a key: lower case after it, or no label before it, or a space before it
                row("Software that usesless memory", "Software that usesless memory", null, null),
                row("Evan Hubinger studies", "Evan Hubinger studies", null, null),
                row("Case studies of deception", "Case studies of deception", null, null),
                // ... but a known key that could start fields and is not glued is reported, not taken
                row("studiesCore", "studiesCore", null, null,
                        "1: warning: edge key 'studies' at column 3 is not glued to a label"),
                row("Evan Hubinger studiesCore phenomenon", "Evan Hubinger studiesCore phenomenon", null, null,
                        "1: warning: edge key 'studies' at column 17 is not glued to a label"),
                row("Evan Hubinger\u00A0studiesCore", "Evan Hubinger\u00A0studiesCore", null, null,
                        "1: warning: edge key 'studies' at column 17 is not glued to a label"),
                row("Model that causesHarm", "Model that ca", "uses", "Harm"),
                // inner spaces of a justification are kept (the caller strips the line's ends)
                row("FoostudiesX   y", "Foo", "studies", "X   y"),
                // several positions: the leftmost wins, the others are named
                row("Toolkit thatusesTools andcitesThem", "Toolkit that", "uses", "Tools andcitesThem",
                        "1: warning: several edge keys fit: took 'uses' at column 15; alternatives: 'cites' at column 28"),
                row("A.part_ofB.usesC", "A.", "part_of", "B.usesC",
                        "1: warning: took 'part_of' at column 5; alternatives: 'uses' at column 14"),
                // label-only lines: normal, no warning
                row("OpenAI", "OpenAI", null, null),
                row("TensorFlow and HuggingFace models on ImageNet", "TensorFlow and HuggingFace models on ImageNet", null, null),
                row("fastText embeddings", "fastText embeddings", null, null),
                row("Claude 3 Opus and Claude 3.5 Sonnet", "Claude 3 Opus and Claude 3.5 Sonnet", null, null),
                // an unknown key glued between label and justification
                row("Foorefutes_stronglyThe paper disagrees", "Foorefutes_stronglyThe paper disagrees", null, null,
                        "1: warning: looks like fields glued around an unknown edge key at the end of 'Foorefutes_strongly'"),
                row("Some labelrefinesMore text", "Some labelrefinesMore text", null, null,
                        "1: warning: looks like fields glued around an unknown edge key at the end of 'labelrefines'"),
                row("Greenblatt et al.refinesThe earlier result", "Greenblatt et al.refinesThe earlier result", null, null,
                        "1: warning: looks like fields glued around an unknown edge key 'refines'"),
                row("Sycophancy in LLMsrefinesTendency to please", "Sycophancy in LLMsrefinesTendency to please", null, null,
                        "1: warning: at the end of 'LLMsrefines'"),
                row("Compliance Gapderived_fromHeadline metric", "Compliance Gapderived_fromHeadline metric", null, null,
                        "1: warning: at the end of 'Gapderived_from'"),
                // an unknown key at the end of the line, with no justification after it
                row("Evan Hubingerrelated_to", "Evan Hubingerrelated_to", null, null,
                        "1: warning: looks like fields glued around an unknown edge key at the end of 'Hubingerrelated_to'"),
                row("Evan Hubingerstudie", "Evan Hubingerstudie", null, null,
                        "1: warning: looks like fields glued around an unknown edge key 'studie' (is it 'studies'?)"),
                row("Greenblatt et al.suports", "Greenblatt et al.suports", null, null,
                        "1: warning: unknown edge key 'suports' (is it 'supports'?)"),
                row("Alignment Fakingintroduce", "Alignment Fakingintroduce", null, null,
                        "1: warning: 'introduce' (is it 'introduces'?)"),
                // ... but labels that merely end like a key are left alone
                row("Sparse Autoencoders", "Sparse Autoencoders", null, null),
                row("Politically unmotivated", "Politically unmotivated", null, null),
                row("Self-motivated agents", "Self-motivated agents", null, null),
                row("Self-motivated", "Self-motivated", null, null),
                row("Email addresses", "Email addresses", null, null),
                row("Unaddressed", "Unaddressed", null, null),
                row("Constitutional AI supports", "Constitutional AI supports", null, null),
                row("Cases of hidden_state", "Cases of hidden_state", null, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"seedLines", "rules"})
    void splitsLabelKeyAndJustification(String text, String label, String edgeKey, String justification, String[] diagnostics) {
        Diagnostics found = new Diagnostics("t.txt");
        Member member = new MemberLineSplitter(TestVocabulary.EDGE_KEYS).split(text, 1, 3, 4, found);
        assertEquals(new Member(label, edgeKey, justification, 1, 4), member);
        TestVocabulary.assertDiagnostics(found.inLineOrder(), diagnostics);
    }
}
