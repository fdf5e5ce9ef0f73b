package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;

/** The build's embedder against langchain4j's, on the same texts: the vectors the build had before must not move. */
class MiniLmTest {
    static final double MIN_COSINE = 0.99999, MAX_ABS = 1e-4;
    private static final String[] WORDS = ("alignment faking model training deceptive compliance gap reward hacking interpretability"
            + " circuits sparse autoencoder features superposition oversight debate constitutional harmless evaluation red-teaming"
            + " jailbreak refusal steering situational awareness sandbagging scheming misgeneralization mesa-optimizer corrigibility"
            + " unbelievably counterfactually Übermensch naïve café résumé Ærøskøbing Σωκράτης Москва 東京大学 인공지능 عربي"
            + " 🤖 ✓ — “quoted” (parenthesised) e.g. 3.14 2024 x").split(" ");

    @TempDir
    Path dir;

    /** Every entity text of seeds/, as the build embeds it. */
    private List<String> seedTexts() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        Fixtures.build(store, Fixtures.seeds(dir), Fixtures.derivation(SimilaritySettings.IMPORTED_ONLY, EmbeddingCache.inMemory()));
        return List.copyOf(Fixtures.texts(store).values());
    }

    /** A few hundred texts from one word to far past the model's 512-token window, many not ASCII, some nearly empty. */
    static List<String> variedTexts(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(List.of("a", ".", "x", "  padded  ", "\u00a0non-breaking", "🤖", "東京", "Ω",
                "e\u0301 combining accent", "tab\there", "line\nbreak", "[CLS] [SEP] [PAD]", "##piece", "UPPER lower MiXeD"));
        while (texts.size() < n) {
            int words = switch (r.nextInt(4)) {
                case 0 -> 1 + r.nextInt(5);
                case 1 -> 5 + r.nextInt(40);
                case 2 -> 40 + r.nextInt(120);
                default -> 300 + r.nextInt(500);   // 512 word pieces and more
            };
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < words; i++)
                s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            texts.add(s.toString());
        }
        return texts;
    }

    @Test
    void theVectorsAreLangchain4jsOnSeedAndGeneratedTexts() throws Exception {
        List<String> texts = new ArrayList<>(seedTexts());
        int seeds = texts.size();
        assertTrue(seeds > 10, "seed texts: " + seeds);
        texts.addAll(variedTexts(300, 20));
        List<float[]> ours = MiniLm.get().embed(texts), theirs = LangchainMiniLm.get().embed(texts);
        assertEquals(texts.size(), ours.size());
        double worstCosine = 1, worstAbs = 0;
        for (int i = 0; i < texts.size(); i++) {
            double cosine = Vectors.cosine(ours.get(i), theirs.get(i));
            double abs = largestDifference(ours.get(i), theirs.get(i));
            String text = texts.get(i);
            assertTrue(cosine >= MIN_COSINE, () -> "cosine " + cosine + " for " + text);
            assertTrue(abs < MAX_ABS, () -> "largest difference " + abs + " for " + text);
            worstCosine = Math.min(worstCosine, cosine);
            worstAbs = Math.max(worstAbs, abs);
        }
        System.out.printf("MiniLm vs langchain4j on %d texts (%d from seeds/): lowest cosine %.8f, largest difference %.2e%n",
                texts.size(), seeds, worstCosine, worstAbs);
    }

    static double largestDifference(float[] a, float[] b) {
        double largest = 0;
        for (int j = 0; j < a.length; j++)
            largest = Math.max(largest, Math.abs(a[j] - b[j]));
        return largest;
    }

    @Test
    void aTextsVectorDoesNotDependOnTheTextsEmbeddedWithIt() {
        String text = "Compliance gap: the difference in refusals between monitored and unmonitored settings";
        float[] alone = MiniLm.get().embed(List.of(text)).get(0);
        List<String> crowd = new ArrayList<>(variedTexts(60, 3));
        crowd.add(30, text);
        float[] among = MiniLm.get().embed(crowd).get(30);
        for (int j = 0; j < MiniLm.DIMENSIONS; j++)
            assertEquals(alone[j], among[j], 1e-6, "dimension " + j);
    }

    @Test
    void textsWithoutAWordPieceAreRefusedAsLangchain4jRefusesThem() {
        for (String empty : List.of("\u200b", "\u0000")) {
            assertThrows(RuntimeException.class, () -> LangchainMiniLm.get().embed(List.of(empty)), "langchain4j: " + empty.codePointAt(0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniLm.get().embed(List.of("fine", empty)));
            assertTrue(e.getMessage().contains("empty or whitespace-only"), e.getMessage());
        }
        assertEquals(List.of(), MiniLm.get().embed(List.of()));
    }

    @Test
    void windowsDoNotStartInsideAWord() {
        List<String> tokens = List.of("[CLS]", "a", "b", "##c", "##d", "e", "f", "[SEP]");
        assertEquals(List.of(List.of("a"), List.of("b", "##c", "##d"), List.of("e", "f")), BertWindows.partition(tokens, 3));
        assertEquals(List.of(), BertWindows.partition(List.of("[CLS]", "[SEP]"), 3));
    }
}
