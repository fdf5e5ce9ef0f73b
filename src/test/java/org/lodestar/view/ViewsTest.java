package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.store.KnowledgeStore;

/** Finding views: unknown and malformed ids, options, and what the renderings carry. */
class ViewsTest {
    static KnowledgeStore seeds;

    @BeforeAll
    static void build() throws Exception {
        seeds = ViewFixtures.build(SeedFiles.folder(Path.of("seeds")));
    }

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource({
            "concept, no-such-entity",   // well formed, not in the graph
            "concept, Alignment-Faking", // upper case
            "concept, alignment--faking",
            "concept, alignment-faking-",
            "concept, ''",
            "widget, alignment-faking",  // not a type key
            "thinker, alignment-faking", // the slug exists under another type
    })
    void unknownOrMalformedIdsHaveNoView(String type, String slug) {
        assertTrue(ViewFixtures.views(seeds).find(type, slug, ViewOptions.DEFAULT).isEmpty());
    }

    @Test
    void anEmptyStoreHasNoViews() {
        assertTrue(ViewFixtures.views(KnowledgeStore.inMemory()).find("concept", "alignment-faking", ViewOptions.DEFAULT).isEmpty());
    }

    @Test
    void theThresholdIsAppliedAtQueryTime() {
        ViewOptions strict = new ViewOptions(new BigDecimal("0.8085"), 50, 1, null);
        EntityView v = ViewFixtures.view(seeds, "concept:compliance-gap", strict);
        assertEquals(0, v.similar().count(), "0.742 and 0.701 are under 0.8085");
        assertFalse(Views.render(v, ViewFormat.TEXT).contains("Related by similarity"));
        EntityView af = ViewFixtures.view(seeds, "concept:alignment-faking", strict);
        // the page's six label-only lines stay (the page vouches for them); 0.809 passes, 0.808 does not
        assertEquals(7, af.similar().count());
        assertTrue(af.similar().members().stream().noneMatch(m -> "0.808".equals(m.score())));
        String text = Views.render(af, ViewFormat.TEXT);
        assertTrue(text.contains("\ncosine ≥ 0.8085 · no typed edge"), text);
    }

    @Test
    void theSimilarityModeChoosesImportedOrComputedLinks() throws Exception {
        KnowledgeStore store = ViewCasesTest.store(ViewCasesTest.CASES.resolve("similarity"));
        assertEquals(List.of("concept:high", "concept:far", "entity:unknown-kind"),
                similarIds(store, ViewOptions.DEFAULT.withSimilarity(false, true)), "computed only");
        assertEquals(List.of("concept:low", "entity:only-a-label-survived-on-this-line", "concept:high", "concept:other"),
                similarIds(store, ViewOptions.DEFAULT.withSimilarity(true, false)), "imported only");
        EntityView.SimilarMember high = ViewFixtures.view(store, "concept:focus", ViewOptions.DEFAULT.withSimilarity(false, true))
                .similar().members().get(0);
        assertEquals("0.93", high.score());
        assertEquals("all-MiniLM-L6-v2", high.source());
        assertEquals(1, high.sources().size());
        assertTrue(similarIds(store, ViewOptions.DEFAULT.withSimilarity(false, false)).isEmpty());
    }

    private static List<String> similarIds(KnowledgeStore store, ViewOptions options) {
        return ViewFixtures.view(store, "concept:focus", options).similar().members().stream()
                .map(EntityView.SimilarMember::id).toList();
    }

    @Test
    void anUnknownThresholdOrPageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ViewOptions(new BigDecimal("1.5"), 50, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new ViewOptions(ViewOptions.DEFAULT_THRESHOLD, 50, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ViewOptions(ViewOptions.DEFAULT_THRESHOLD, 0, 1, null));
    }

    @Test
    void aNeighbourWithAPageOfItsOwnShowsThatPagesHeader() {
        EntityView v = ViewFixtures.view(seeds, "thinker:evan-hubinger", ViewOptions.DEFAULT);
        assertEquals("active", v.status());
        assertEquals(List.of("paper", "concept"), v.groups().stream().map(EntityView.Group::typeKey).toList());
        assertEquals(ViewFixtures.BASE + "graph/seed/thinker-evan-hubinger.txt", v.seedPage());
    }

    @Test
    void similarEntriesOfUnknownTypeHaveNoTypeKeyAndStayLabelOnly() {
        EntityView v = ViewFixtures.view(seeds, "concept:alignment-faking", ViewOptions.DEFAULT);
        EntityView.SimilarMember first = v.similar().members().get(0);
        assertEquals("entity", first.typeKey());
        assertFalse(first.typed());
        assertEquals(null, first.score());
        assertEquals("imported", first.source());
    }
}
