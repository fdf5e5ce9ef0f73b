package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.Group;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.Slugs;
import org.lodestar.store.KnowledgeStore;

/**
 * The round trip of the issue: a database built from one seed page alone renders that page's
 * entity as text that reproduces the page, for every page in {@code seeds/} — all but groups the
 * page declares and lists nothing of. Built together, a page gets the merged neighbourhood.
 */
class FidelityTest {
    /** What {@code --similarity imported} shows: the pages' own similarity sections. */
    static final ViewOptions IMPORTED_ONLY = ViewOptions.DEFAULT.withSimilarity(true, false);
    static List<SeedFile> seeds;
    static KnowledgeStore merged;

    @BeforeAll
    static void readSeeds() throws Exception {
        seeds = SeedFiles.folder(Path.of("seeds"));
        merged = ViewFixtures.build(seeds);
    }

    static Stream<String> seedNames() throws Exception {
        return SeedFiles.folder(Path.of("seeds")).stream().map(SeedFile::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedNames")
    void onePageAloneRendersAsThatPage(String name) throws Exception {
        SeedFile file = seeds.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        EntityPage page = parse(file);
        KnowledgeStore store = ViewFixtures.build(List.of(file));
        EntityView view = ViewFixtures.view(store, id(page), IMPORTED_ONLY);
        assertEquals(expectedText(file, page), Views.render(view, ViewFormat.TEXT), name);
    }

    @Test
    void mergedBuildRanksByEdgesAcrossPages() {
        String text = ViewFixtures.text(merged, "concept:alignment-faking");
        // The paper's own page says it studies Alignment Faking: the group its page left empty now has it.
        assertTrue(text.contains("Papers (1)\npaper\n- Alignment Faking in Large Language ModelsstudiesCore phenomenon of the paper\n"), text);
        // Evan Hubinger (5 typed edges in all) before Greenblatt et al. (3) before Joseph Carlsmith (1).
        assertTrue(text.contains("Thinkers (3)\nthinker\n- Evan Hubingerstudies\n- Greenblatt et al.studies"), text);
        EntityView v = ViewFixtures.view(merged, "concept:alignment-faking", ViewOptions.DEFAULT);
        EntityView.Group thinkers = v.groups().stream().filter(g -> g.typeKey().equals("thinker")).findFirst().orElseThrow();
        assertEquals(List.of(5L, 3L, 1L), thinkers.members().stream().map(EntityView.Member::degree).toList());
        EntityView.Member evan = thinkers.members().get(0);
        assertEquals(1, evan.justifications().size(), "the thinker page justifies the edge, the concept page does not");
        assertEquals("Co-author of the main empirical demonstration", evan.justifications().get(0).text());
        assertEquals(ViewFixtures.BASE + "graph/seed/thinker-evan-hubinger.txt", evan.justifications().get(0).page());
        assertEquals(null, evan.justification(), "the line keeps the focus's own page's (empty) justification");
    }

    private static EntityPage parse(SeedFile file) {
        ParseResult r = new SeedParser(ViewFixtures.ONTOLOGY.vocabulary()).parse(file.name(), file.content());
        assertTrue(r.page() != null && !r.hasErrors(), file.name() + ": " + r.diagnostics());
        return r.page();
    }

    private static String id(EntityPage page) {
        return page.typeKey() + ":" + (page.slug() != null ? page.slug() : Slugs.slugify(page.label()));
    }

    /**
     * The page as the view writes it: without a byte-order mark, with line feeds and a final one,
     * without blank lines and the spaces around lines (the parser ignores both), and without the
     * heading and type key lines of groups the page declares and lists nothing of.
     */
    static String expectedText(SeedFile file, EntityPage page) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF"))
            text = text.substring(1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Set<Integer> dropped = new HashSet<>();
        for (Group g : page.groups())
            if (g.members().isEmpty()) {
                dropped.add(g.line());
                dropped.add(nextNonBlank(lines, g.line()));
            }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++)
            if (!dropped.contains(i + 1) && !lines[i].isBlank())
                kept.add(lines[i].strip());
        return String.join("\n", kept) + "\n";
    }

    /** The 1-based number of the first non-blank line after line {@code after}. */
    private static int nextNonBlank(String[] lines, int after) {
        for (int i = after; i < lines.length; i++)
            if (!lines[i].isBlank())
                return i + 1;
        return -1;
    }
}
