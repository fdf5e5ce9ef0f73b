package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestPages;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.store.BuildReport;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;
import org.lodestar.view.ViewOptions;

/**
 * After each kind of edit, the documents file that keeps what the edit does not reach is the very
 * file a render of everything makes: same entries, same bytes, same Link headers.
 */
class IncrementalRenderTest {
    private static final String BASE = "http://localhost:8080/";
    private static final Pipeline PIPELINE = new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE));

    @TempDir
    Path dir;

    private interface Edit {
        void apply(List<Path> pages) throws Exception;
    }

    @Test
    void eachEditRendersOnlyWhatItReachesAndLeavesTheFileAFullRenderMakes() throws Exception {
        Path seeds = dir.resolve("seeds");
        new Generator(Ontology.load()).generate(300, 5, seeds);
        KnowledgeStore store = KnowledgeStore.open(dir.resolve("db"));
        SimilarityDerivation similarity = TestPages.words();
        ViewOptions views = ViewOptions.defaults(similarity.settings());
        Path file = DocStore.besideDatabase(dir.resolve("db"));
        new SeedBuild(PIPELINE, false, similarity).run(store, SeedFiles.folder(seeds));
        DocStore.Report first = DocStore.render(store, BASE, views, file, Progress.QUIET).orElseThrow();
        assertTrue(first.views() > 0, "the generated graph has hubs with stored views: " + first);

        List<Edit> edits = List.of(
                pages -> TestPages.describe(pages.get(7), "model training alignment evaluation reward deception scale"),
                pages -> TestPages.dropLastMember(largest(pages)),
                pages -> TestPages.describe(largest(pages), "reward hacking specification gaming"),
                pages -> rejustify(largest(pages)),
                pages -> relabel(pages, pages.get(11)),
                pages -> Files.delete(pages.get(20)));
        for (int i = 0; i < edits.size(); i++) {
            List<Path> pages = pages(seeds);
            edits.get(i).apply(pages);
            Optional<String> before = DocStore.currentStamp(store, BASE, views, file);
            assertTrue(before.isPresent(), "edit " + i + ": the file was rendered from the data before it");
            Path earlier = Files.copy(file, dir.resolve("before-" + i + ".docs"));
            BuildReport built;
            try {
                built = new SeedBuild(PIPELINE, false, similarity).run(store, SeedFiles.folder(seeds));
            } catch (org.lodestar.store.BuildFailedException e) {
                throw new AssertionError("edit " + i + ": " + e.messages(), e);
            }
            assertTrue(built.changed(), "edit " + i + ": " + built);
            DocStore.Report kept = DocStore.render(store, BASE, views, file, Progress.QUIET, before, built.described()).orElseThrow();
            assertTrue(kept.rendered() > 0 && kept.rendered() < (kept.documents() + kept.views()) / 2,
                    "edit " + i + ": only what the edit reaches is rendered again: " + kept);
            int changedViews = changedViews(DocFile.open(earlier), DocFile.open(file));
            // a view is rendered again when the edit changes it, hardly ever for nothing: not the
            // view of every neighbour of a page whose text or justification changed
            assertTrue(kept.viewsRendered() <= changedViews + 2, "edit " + i + ": " + kept.viewsRendered()
                    + " stored views rendered again, " + changedViews + " of them changed");

            Path whole = dir.resolve("whole-" + i + ".docs");
            DocStore.render(store, BASE, views, whole, Progress.QUIET).orElseThrow();
            assertSameFile(DocFile.open(whole), DocFile.open(file), "edit " + i);
        }
    }

    private static void assertSameFile(DocFile expected, DocFile actual, String what) {
        assertEquals(expected.stamp(), actual.stamp(), what);
        assertEquals(expected.paths(), actual.paths(), what);
        for (String path : expected.paths()) {
            ResponseCache.Rendered e = expected.find(path), a = actual.find(path);
            assertArrayEquals(e.body(), a.body(), what + ": " + path);
            assertEquals(e.links(), a.links(), what + ": " + path);
        }
    }

    /** The stored views that are not byte for byte what they were: the views an edit did change. */
    private static int changedViews(DocFile before, DocFile after) {
        int changed = 0;
        for (String path : after.paths())
            if (path.startsWith(org.lodestar.view.StoredViews.PREFIX)) {
                ResponseCache.Rendered was = before.find(path);
                if (was == null || !java.util.Arrays.equals(was.body(), after.find(path).body()))
                    changed++;
            }
        return changed;
    }

    private static List<Path> pages(Path seeds) throws Exception {
        try (var walk = Files.walk(seeds)) {
            return walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Path largest(List<Path> pages) {
        return pages.stream().max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }

    /** Appends a sentence to the justification of the page's longest member line. */
    private static void rejustify(Path page) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(page, StandardCharsets.UTF_8));
        int longest = -1;
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).startsWith("- ") && (longest < 0 || lines.get(i).length() > lines.get(longest).length()))
                longest = i;
        lines.set(longest, lines.get(longest) + " Revised after review.");
        Files.write(page, lines, StandardCharsets.UTF_8);
    }

    /**
     * Gives the page's entity another label, on its own page and wherever other pages name it, as
     * a curator renaming it would: every description that names it shows the new one.
     */
    private static void relabel(List<Path> pages, Path page) throws Exception {
        String idLine = Files.readAllLines(page, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).skip(2)
                .findFirst().orElseThrow();
        int colon = idLine.indexOf(':'), start = colon + 1;
        while (start < idLine.length() && !Character.isUpperCase(idLine.charAt(start)))
            start++;
        String label = idLine.substring(start);
        assertTrue(label.length() > 10, "a generated label after the id: " + idLine);
        for (Path p : pages) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.contains(label))
                Files.writeString(p, text.replace(label, label + " Renamed"), StandardCharsets.UTF_8);
        }
    }
}
