package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;

/** Computed similarity links built from seeds/ with the real model. */
class SimilarityDerivationTest {
    static final String PAPER = Fixtures.BASE + "id/paper/alignment-faking-in-large-language-models";

    @TempDir
    Path dir;

    /** The vectors the build used: every text is in the cache, so this embeds nothing. */
    private static Map<String, float[]> vectors(KnowledgeStore store, EmbeddingCache cache) {
        Map<String, String> texts = Fixtures.texts(store);
        List<String> iris = List.copyOf(texts.keySet());
        EmbeddingCache.Result r = cache.embed(iris.stream().map(texts::get).toList(), MiniLm.get(), Progress.QUIET);
        assertEquals(0, r.embedded(), "the build left every text in the cache");
        Map<String, float[]> byIri = new HashMap<>();
        for (int i = 0; i < iris.size(); i++)
            byIri.put(iris.get(i), r.vectors().get(i));
        return byIri;
    }

    private static Set<String> typedPairs(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            List<EntityText> entities = GraphReader.entities(store.dataset());
            Map<Node, Integer> numbers = new HashMap<>();
            for (int i = 0; i < entities.size(); i++)
                numbers.put(entities.get(i).iri(), i);
            Set<String> pairs = new HashSet<>();
            TypedPartners partners = GraphReader.typedPartners(store.dataset(), numbers);
            for (int a = 0; a < partners.entities(); a++)
                for (int b : partners.of(a))
                    pairs.add(pair(entities.get(a).iri().getURI(), entities.get(b).iri().getURI()));
            return pairs;
        });
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    @Test
    void linksHoldTheModelsRoundedCosineAndNameTheModelAsSource() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        SimilarityReport report = Fixtures.build(store, Fixtures.seeds(dir), Fixtures.derivation(SimilaritySettings.DEFAULT, cache));
        assertNotNull(report);
        assertEquals(report.entities(), report.embedded(), "a first build embeds every entity");
        List<Fixtures.Link> links = Fixtures.computed(store);
        assertFalse(links.isEmpty());
        assertEquals(report.links(), links.size());

        Map<String, String> texts = Fixtures.texts(store);
        Map<String, float[]> vectors = vectors(store, cache);
        List<String> ends = links.stream().flatMap(l -> Stream.of(l.a(), l.b())).distinct().toList();
        List<float[]> fresh = MiniLm.get().embed(ends.stream().map(texts::get).toList());
        Map<String, float[]> freshByIri = new HashMap<>();
        for (int i = 0; i < ends.size(); i++)
            freshByIri.put(ends.get(i), fresh.get(i));
        for (Fixtures.Link l : links) {
            double cosine = Vectors.cosine(vectors.get(l.a()), vectors.get(l.b()));
            assertTrue(cosine >= SimilaritySettings.DEFAULT_THRESHOLD, l.toString());
            assertEquals(0, Vectors.score(cosine).compareTo(new BigDecimal(l.score())), l + " vs " + cosine);
            double recomputed = Vectors.cosine(freshByIri.get(l.a()), freshByIri.get(l.b()));
            assertEquals(recomputed, new BigDecimal(l.score()).doubleValue(), 0.0006, "the model, run again, gives the stored score: " + l);
            assertEquals("all-MiniLM-L6-v2", l.source(), "the view's source is the method's label");
            assertNotNull(l.time(), "when it was computed");
            assertEquals(SimilarityDerivation.linkIri(Fixtures.URIS, NodeFactory.createURI(l.a()), NodeFactory.createURI(l.b())).getURI(), l.iri());
        }
        assertTrue(Fixtures.links(store).stream().anyMatch(l -> "imported".equals(l.source()) && l.page() != null),
                "imported links stay, with their page");
    }

    @Test
    void theStoredLinksConformToTheShapes() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        Fixtures.build(store, Fixtures.seeds(dir), Fixtures.derivation(SimilaritySettings.DEFAULT, EmbeddingCache.inMemory()));
        Graph data = GraphFactory.createDefaultGraph();
        Txn.executeRead(store.dataset(), () -> store.dataset().getUnionGraph().find().forEachRemaining(data::add));
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        try (var files = Files.list(Path.of("shapes"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList())
                RDFParser.source(f).lang(Lang.TURTLE).parse(shapesGraph);
        }
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        assertTrue(report.conforms(), () -> report.getEntries().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyPairWithoutATypedEdgeIsLinkedAndNoTypedPairIs() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        // threshold 0 and a k above the entity count: every pair with a non-negative cosine qualifies
        Fixtures.build(store, Fixtures.seeds(dir), Fixtures.derivation(new SimilaritySettings(SimilarityMode.BOTH, 0, 10_000), cache));
        Set<String> typed = typedPairs(store);
        assertTrue(typed.size() > 10, "seeds/ have typed edges: " + typed.size());
        Map<String, float[]> vectors = vectors(store, cache);
        List<String> iris = new ArrayList<>(vectors.keySet());
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < iris.size(); i++)
            for (int j = i + 1; j < iris.size(); j++) {
                String p = pair(iris.get(i), iris.get(j));
                if (!typed.contains(p) && Vectors.cosine(vectors.get(iris.get(i)), vectors.get(iris.get(j))) >= 0)
                    expected.add(p);
            }
        Set<String> stored = Fixtures.computed(store).stream().map(l -> pair(l.a(), l.b())).collect(Collectors.toSet());
        assertEquals(expected, stored);
        // e.g. Evan Hubinger studies alignment faking: close in meaning, and not a similarity link
        assertTrue(typed.contains(pair(Fixtures.BASE + "id/thinker/evan-hubinger", Fixtures.BASE + "id/concept/alignment-faking")));
    }

    @Test
    void aPairExactlyAtTheThresholdIsStoredAndJustBelowIsNot() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        Path seeds = Fixtures.seeds(dir);
        Fixtures.build(store, seeds, Fixtures.derivation(SimilaritySettings.DEFAULT, cache));
        Fixtures.Link best = Fixtures.computed(store).stream().max((x, y) -> new BigDecimal(x.score()).compareTo(new BigDecimal(y.score()))).orElseThrow();
        Map<String, float[]> vectors = vectors(store, cache);
        double c = Vectors.cosine(vectors.get(best.a()), vectors.get(best.b()));

        // new settings, no page changed: the build recomputes the links all the same
        SimilarityReport at = Fixtures.build(store, seeds, Fixtures.derivation(new SimilaritySettings(SimilarityMode.BOTH, c, 20), cache));
        assertNotNull(at, "other settings rederive");
        assertTrue(Fixtures.computed(store).stream().anyMatch(l -> l.iri().equals(best.iri())), "cosine == threshold is kept");
        assertTrue(Fixtures.computed(store).stream().allMatch(l -> new BigDecimal(l.score()).compareTo(Vectors.score(c)) >= 0));

        Fixtures.build(store, seeds, Fixtures.derivation(new SimilaritySettings(SimilarityMode.BOTH, Math.nextUp(c), 20), cache));
        assertTrue(Fixtures.computed(store).stream().noneMatch(l -> l.iri().equals(best.iri())), "cosine just below the threshold is not");
    }

    @Test
    void aRebuildEmbedsOnlyTheChangedEntityAndChangesOnlyItsLinks() throws Exception {
        Path seeds = Fixtures.seeds(dir);
        Path db = dir.resolve("tdb2");
        Path cacheFile = EmbeddingCache.besideDatabase(db);
        // k above the entity count, so no entity's k nearest can be displaced by the change
        SimilaritySettings settings = new SimilaritySettings(SimilarityMode.BOTH, SimilaritySettings.DEFAULT_THRESHOLD, 10_000);
        KnowledgeStore store = KnowledgeStore.open(db);
        SimilarityReport first = Fixtures.build(store, seeds, Fixtures.derivation(settings, EmbeddingCache.at(cacheFile)));
        assertTrue(Files.size(cacheFile) > first.entities() * 384L * 4, "the cache file holds every embedding");
        Map<String, Fixtures.Link> before = byIri(Fixtures.computed(store));
        assertTrue(before.values().stream().anyMatch(l -> l.touches(PAPER)), "the paper has computed links to lose");

        // the page's fourth line is its entity's description
        Path page = seeds.resolve("paper-alignment-faking-in-large-language-models.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(page));
        lines.set(3, "A pasta dish from Rome made with eggs, hard cheese, cured pork cheek and black pepper");
        Fixtures.write(page, String.join("\n", lines) + "\n");
        Thread.sleep(1100); // a new link's prov:generatedAtTime is then a later second than the first build's
        // a new cache object on the same file: what the next process sees
        SimilarityReport second = Fixtures.build(store, seeds, Fixtures.derivation(settings, EmbeddingCache.at(cacheFile)));
        assertEquals(1, second.embedded(), "only the changed description is embedded");
        assertEquals(second.entities() - 1, second.cacheHits());
        Map<String, Fixtures.Link> after = byIri(Fixtures.computed(store));

        Set<String> changed = new HashSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(iri -> before.get(iri) != null && before.get(iri).equals(after.get(iri)));
        assertFalse(changed.isEmpty());
        for (String iri : changed) {
            Fixtures.Link l = after.containsKey(iri) ? after.get(iri) : before.get(iri);
            assertTrue(l.touches(PAPER), "only links of the changed entity change: " + l);
        }
        assertEquals(second.added() + second.removed(), changed.size());
        for (Map.Entry<String, Fixtures.Link> e : after.entrySet())
            if (!e.getValue().touches(PAPER))
                assertEquals(before.get(e.getKey()), e.getValue(), "untouched, to the second");
    }

    @Test
    void importedModeComputesNothingAndDropsComputedLinks() throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        Path seeds = Fixtures.seeds(dir);
        Fixtures.build(store, seeds, Fixtures.derivation(SimilaritySettings.DEFAULT, cache));
        assertFalse(Fixtures.computed(store).isEmpty());
        assertTrue(DuplicateCandidates.storedThreshold(store.dataset()).isPresent());
        SimilarityDerivation imported = Fixtures.derivation(SimilaritySettings.IMPORTED_ONLY, cache);
        Fixtures.build(store, seeds, imported);
        assertTrue(imported.lastReport().isEmpty(), "nothing computed");
        assertTrue(Fixtures.computed(store).isEmpty());
        assertTrue(DuplicateCandidates.storedThreshold(store.dataset()).isEmpty());
        assertFalse(Fixtures.links(store).isEmpty(), "imported links are the pages' own");
    }

    private static Map<String, Fixtures.Link> byIri(List<Fixtures.Link> links) {
        return links.stream().collect(Collectors.toMap(Fixtures.Link::iri, l -> l));
    }
}
