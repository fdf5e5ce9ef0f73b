package org.lodestar.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.Group;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.SimilarEntry;
import org.lodestar.store.BuildReport;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/** Generated pages are deterministic, in the real format, and build without a single message. */
class GeneratorTest {
    static Ontology ontology;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        ontology = Ontology.load();
    }

    private Path generate(String name, int entities, long seed) throws IOException {
        Path out = dir.resolve(name);
        new Generator(ontology).generate(entities, seed, out);
        return out;
    }

    /** Every file under a folder by its relative path, with its bytes. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList())
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
        return files;
    }

    @Test
    void theSameSeedGivesTheSameFilesByteForByte() throws IOException {
        Map<String, byte[]> a = files(generate("a", 400, 7)), b = files(generate("b", 400, 7));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
        assertNotEquals(a.keySet(), files(generate("c", 400, 8)).keySet(), "another seed, other pages");
    }

    @Test
    void pagesParseWithoutAnyMessageAndCoverTheFormat() throws IOException {
        List<SeedFile> files = SeedFiles.folder(generate("pages", 600, 42));
        SeedParser parser = new SeedParser(ontology.vocabulary());
        Set<String> pageTypes = new HashSet<>(), edgeKeys = new HashSet<>();
        int maxMembers = 0, labelOnlyMembers = 0, withJustification = 0, typedSimilar = 0, labelOnlySimilar = 0;
        for (SeedFile f : files) {
            ParseResult r = parser.parse(f.display(), f.content());
            assertEquals(List.of(), r.diagnostics(), f.display());
            EntityPage page = r.page();
            pageTypes.add(page.typeKey());
            int members = 0;
            for (Group g : page.groups()) {
                assertEquals(g.declaredCount(), g.members().size(), f.display() + ": " + g.heading());
                members += g.members().size();
                for (var m : g.members()) {
                    if (m.edgeKey() == null)
                        labelOnlyMembers++;
                    else
                        edgeKeys.add(m.edgeKey());
                    if (m.justification() != null)
                        withJustification++;
                }
            }
            maxMembers = Math.max(maxMembers, members);
            if (page.similarity() != null)
                for (SimilarEntry e : page.similarity().entries())
                    if (e.typeKey() == null)
                        labelOnlySimilar++;
                    else
                        typedSimilar++;
        }
        for (EntityClass c : ontology.groupClasses())
            assertTrue(pageTypes.contains(c.typeKey()), "a page of every class: " + c.typeKey());
        assertTrue(edgeKeys.size() >= 8, "many edge keys: " + edgeKeys);
        assertTrue(maxMembers >= 60, "a hub lists many neighbours: " + maxMembers);
        assertTrue(labelOnlyMembers > 0 && withJustification > 0 && typedSimilar > 0 && labelOnlySimilar > 0);
        assertTrue(files.stream().anyMatch(f -> f.content().length > 3 && (f.content()[0] & 0xFF) == 0xEF), "a byte-order mark");
        assertTrue(files.stream().anyMatch(f -> new String(f.content()).contains("\r\n")), "CRLF line ends");
    }

    @Test
    void pagesBuildStrictlyWithMergedNeighbourhoods() throws Exception {
        Path seeds = generate("build", 200, 3);
        Pipeline pipeline = new Pipeline(ontology, ShapesValidator.load(), new Uris("http://localhost:8080/"));
        KnowledgeStore store = KnowledgeStore.inMemory();
        BuildReport report = new SeedBuild(pipeline, true).run(store, SeedFiles.folder(seeds));
        assertEquals(SeedFiles.folder(seeds).size() + 1, report.added(), "every page and the ontology");
        List<Target> entities = EntitySample.all(store.dataset(), new Uris("http://localhost:8080/").derivedGraph());
        assertTrue(entities.size() > 200, "entities named only on untyped similarity lines come on top: " + entities.size());
        assertTrue(entities.get(0).degree() > 25, "the top hub: " + entities.get(0));
    }

    @Test
    void largeGraphsAreShardedIntoSubFolders() throws IOException {
        Path out = dir.resolve("large");
        new Generator(ontology, 100).generate(400, 1, out);
        try (Stream<Path> top = Files.list(out)) {
            List<Path> entries = top.toList();
            assertEquals(256, entries.size());
            assertTrue(entries.stream().allMatch(Files::isDirectory));
        }
        assertTrue(SeedFiles.folder(out).size() > 300, "pages in sub-folders are found");
    }

    @Test
    void aFolderWithFilesIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("mine.txt"), "x");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new Generator(ontology).generate(10, 1, out)).getMessage().contains("not empty"));
    }
}
