package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Alignment Faking                                 | alignment-faking
            Greenblatt et al.                                | greenblatt-et-al
            Sycophancy in LLMs                               | sycophancy-in-llms
            Gödel's “Theorem”                                | godel-s-theorem
            Constitutional AI: Harmlessness from AI Feedback | constitutional-ai-harmlessness-from-ai-feedback
            Anti-AI-Lab Behavior                             | anti-ai-lab-behavior
            Training-Deployment Behavior Gap                 | training-deployment-behavior-gap
            2024 Study                                       | 2024-study
            --Leading and trailing--                         | leading-and-trailing
            Crème brûlée à la carte                          | creme-brulee-a-la-carte
            Ｆｕｌｌｗｉｄｔｈ ① ﬁ                             | fullwidth-1-fi
            ISTANBUL Iİ                                       | istanbul-ii
            Straße                                           | stra-e
            ∑ ∞ —                                            | ""
            ""                                               | ""
            """)
    void slugify(String label, String slug) {
        assertEquals(slug, Slugs.slugify(label));
    }

    @ParameterizedTest(name = "[{index}] {0} well-formed: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            alignment-faking | true
            a                | true
            2024-study       | true
            ""               | false
            -a               | false
            a-               | false
            a--b             | false
            A-b              | false
            """)
    void wellFormed(String slug, boolean expected) {
        assertEquals(expected, Slugs.isWellFormed(slug));
    }
}
