package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;

/** Duplicate candidates: same class, score at or above the minimum, among the links a mode shows. */
class DuplicateCandidatesTest {
    @TempDir
    static Path dir;
    static KnowledgeStore store;
    static Map<String, float[]> vectors;

    @BeforeAll
    static void build() throws Exception {
        store = KnowledgeStore.inMemory();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        Fixtures.build(store, Fixtures.duplicatePages(dir), Fixtures.derivation(SimilaritySettings.DEFAULT, cache));
        Map<String, String> texts = Fixtures.texts(store);
        List<String> iris = List.copyOf(texts.keySet());
        List<float[]> v = cache.embed(iris.stream().map(texts::get).toList(), MiniLm.get(), Progress.QUIET).vectors();
        vectors = new java.util.HashMap<>();
        for (int i = 0; i < iris.size(); i++)
            vectors.put(iris.get(i), v.get(i));
    }

    static double cosine(String a, String b) {
        return Vectors.cosine(vectors.get(a), vectors.get(b));
    }

    static List<String> pairs(List<DuplicateCandidates.Pair> found) {
        return found.stream().map(p -> p.a().id() + " " + p.b().id()).toList();
    }

    @Test
    void sameClassPairsAboveTheMinimumBestFirst() {
        assertTrue(cosine(Fixtures.REWARD_HACKING, Fixtures.BEHAVIOUR) >= 0.9, "the model finds the two concepts alike");
        assertTrue(cosine(Fixtures.REWARD_HACKING, Fixtures.METHOD) >= 0.9, "and the method with the same text too");
        List<DuplicateCandidates.Pair> found = DuplicateCandidates.find(store.dataset(), new BigDecimal("0.9"), SimilarityMode.BOTH);
        assertEquals(List.of("concept:reward-hacking concept:reward-hacking-behaviour", "concept:reward-hacking concept:specification-gaming"),
                pairs(found), "the method is another class; Specification Gaming comes from the page's imported 0.934");
        DuplicateCandidates.Pair first = found.get(0);
        assertEquals("concept", first.typeKey());
        assertEquals("Reward Hacking", first.a().label());
        assertEquals(Vectors.score(cosine(Fixtures.REWARD_HACKING, Fixtures.BEHAVIOUR)), first.score());
        assertEquals(List.of("all-MiniLM-L6-v2"), first.scores().stream().map(DuplicateCandidates.Score::source).toList());
        DuplicateCandidates.Score imported = found.get(1).scores().get(0);
        assertEquals("imported", imported.source());
        assertEquals(new BigDecimal("0.934"), imported.score());
        assertEquals(Fixtures.BASE + "graph/seed/concept-reward-hacking.txt", imported.page());
    }

    @Test
    void theMinimumIsInclusiveAndTheModeChoosesTheLinks() {
        double c = cosine(Fixtures.REWARD_HACKING, Fixtures.GAMING);
        BigDecimal stored = Vectors.score(c);
        assertTrue(c >= 0.65 && stored.compareTo(new BigDecimal("0.95")) < 0, "precondition: " + c);
        assertTrue(pairs(DuplicateCandidates.find(store.dataset(), stored, SimilarityMode.BOTH))
                .contains("concept:reward-hacking concept:reward-hacking-gaming"), "score == min is a candidate");
        assertTrue(!pairs(DuplicateCandidates.find(store.dataset(), stored.add(new BigDecimal("0.001")), SimilarityMode.BOTH))
                .contains("concept:reward-hacking concept:reward-hacking-gaming"));
        assertEquals(List.of("concept:reward-hacking concept:reward-hacking-behaviour"),
                pairs(DuplicateCandidates.find(store.dataset(), new BigDecimal("0.9"), SimilarityMode.COMPUTED)));
        assertEquals(List.of("concept:reward-hacking concept:specification-gaming"),
                pairs(DuplicateCandidates.find(store.dataset(), new BigDecimal("0.9"), SimilarityMode.IMPORTED)));
    }
}
