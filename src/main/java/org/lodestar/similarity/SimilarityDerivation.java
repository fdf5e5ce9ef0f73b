package org.lodestar.similarity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;

/**
 * Computes the similarity links of every entity into the derived graph: embeds each entity's
 * text (through the cache), searches the nearest, and writes one kg:SimilarityLink per pair.
 *
 * <p>Each build searches over all entities again (the embeddings, the costly part, come from the
 * cache), so the stored links are always those a build from scratch would make. What is
 * incremental is the writing: a link whose pair and score come out as before keeps its resource
 * and its {@code prov:generatedAtTime}; only links that appear, disappear or change score are
 * touched. After one entity's description changes, only links touching it change, save where it
 * newly enters or leaves another entity's k nearest and so displaces one of that entity's links.
 *
 * <p>The derived graph also records the threshold and k its links were made with, so that a
 * build with other settings recomputes them although no page changed ({@link #isCurrent}).
 */
public final class SimilarityDerivation {
    private final SimilaritySettings settings;
    private final EmbeddingCache cache;
    private final Embedder embedder;
    private final Progress progress;
    private final int exactBelow;
    private final EntityKeys saved;
    private SimilarityReport last;
    private Set<Node> lastChanged;
    /** The entities and text keys the last derivation used, for {@link #keep}; null when it computed nothing. */
    private EntityKeys.Saved pending;
    /** Whether the last {@link #update} started from the saved entity list ({@link EntityKeys}) rather than the store's texts. */
    private boolean lastFromList;

    public SimilarityDerivation(SimilaritySettings settings, EmbeddingCache cache, Embedder embedder, Progress progress,
                                int exactBelow) {
        this.settings = settings;
        this.cache = cache;
        this.embedder = embedder;
        this.progress = progress;
        this.exactBelow = exactBelow;
        this.saved = EntityKeys.beside(cache);
    }

    /** With all-MiniLM-L6-v2, quiet, the exact search below {@link VectorIndex#EXACT_BELOW} entities. */
    public SimilarityDerivation(SimilaritySettings settings, EmbeddingCache cache) {
        this(settings, cache, MiniLm.get(), Progress.QUIET, VectorIndex.EXACT_BELOW);
    }

    /** Computes nothing: imported links only. */
    public static SimilarityDerivation none() {
        return new SimilarityDerivation(SimilaritySettings.IMPORTED_ONLY, EmbeddingCache.inMemory());
    }

    public SimilaritySettings settings() { return settings; }

    /** The report of the last {@link #derive} that computed links. */
    public Optional<SimilarityReport> lastReport() { return Optional.ofNullable(last); }

    /**
     * The entities at either end of a link the last {@link #update} wrote or removed; empty when
     * the last derivation was whole (any entity's links may have changed).
     */
    public Optional<Set<Node>> lastChanged() { return Optional.ofNullable(lastChanged); }

    /** True when {@code derived} (the stored derived graph) was made with these settings. */
    public boolean isCurrent(Graph derived, Node derivedGraph) {
        Graph expected = GraphFactory.createDefaultGraph();
        describe(expected, derivedGraph);
        return sameValues(expected, derived, derivedGraph, SimilarityTerms.similarityThreshold)
                && sameValues(expected, derived, derivedGraph, SimilarityTerms.similarityLimit);
    }

    /**
     * Makes the computed links of the derived graph {@code derivedGraph} of {@code dataset} those of
     * the entities it holds now (none when the mode computes nothing), with the settings they were
     * made with, in the caller's write transaction. Only what differs is written: a link whose pair
     * and score come out as before is left as it is, so the graph is never copied onto the heap.
     */
    public void derive(DatasetGraph dataset, Uris uris, Node derivedGraph) {
        lastChanged = null;
        pending = null;
        Graph stored = dataset.getGraph(derivedGraph);
        Node method = SimilarityTerms.method(embedder);
        if (!settings.mode().computes()) {
            // links another build computed, with settings that computed some
            Set<Node> gone = StoredLinks.storedLinks(stored, method).keySet();
            lastChanged = gone.isEmpty() ? Set.of() : null;
            StoredLinks.removeLinks(stored, gone);
            describe(stored, derivedGraph);
            return;
        }
        long t0 = System.nanoTime();
        List<EntityText> entities = GraphReader.entities(dataset);
        deriveAll(dataset, uris, derivedGraph, entities, numbers(entities), t0);
    }

    /** {@link #derive} over {@code entities}, already read since {@code t0}, numbered as {@code numbers} says. */
    private void deriveAll(DatasetGraph dataset, Uris uris, Node derivedGraph, List<EntityText> entities,
                           Map<Node, Integer> numbers, long t0) {
        Graph stored = dataset.getGraph(derivedGraph);
        Node method = SimilarityTerms.method(embedder);
        describe(stored, derivedGraph);
        List<String> texts = entities.stream().map(EntityText::text).toList();
        EmbeddingCache.Result embedded = cache.embed(texts, embedder, progress);
        pending = new EntityKeys.Saved(embedder.model(), null, entities.stream().map(EntityText::iri).toList(),
                texts.stream().map(t -> EmbeddingCache.key(embedder.model(), t)).toList());
        LinkComputation.Result computed = LinkComputation.compute(embedded.vectors(),
                GraphReader.typedPartners(dataset, numbers), settings.threshold(), settings.k(), exactBelow);
        int[] counts = write(entities, computed.pairs(), uris, stored, method);
        last = new SimilarityReport(entities.size(), embedded.hits(), embedded.embedded(), computed.search(),
                computed.pairs().size(), counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1_000_000,
                embedded.warning());
    }

    /**
     * As {@link #derive}, after an edit: only the links of the entities whose text changed
     * ({@code texts}: label, description or class) or whose typed partners changed ({@code edgeEnds})
     * are computed again, with those of the entities each may have left or joined: the entities
     * linked to one whose text changed, and those whose own k nearest its new text now enters
     * (their k-th best link scores no more than it). Each of those is searched exactly over every
     * vector (from the cache). A pair
     * stays a link while it is among the k nearest of either entity, as in a full derivation, so
     * a link an entity gave up is kept when the other entity still has it among its own nearest.
     * Many changes at once (more than a twentieth of the entities) derive everything instead.
     */
    public void update(DatasetGraph dataset, Uris uris, Node derivedGraph, Set<Node> texts, Set<Node> edgeEnds, String token) {
        if (!settings.mode().computes()) {
            derive(dataset, uris, derivedGraph);
            return;
        }
        long t0 = System.nanoTime();
        pending = null;
        Graph stored = dataset.getGraph(derivedGraph);
        Node method = SimilarityTerms.method(embedder);
        Set<Node> changed = new HashSet<>(texts);
        changed.addAll(edgeEnds);
        Optional<EntityKeys.Saved> list = saved.current(embedder.model(), token);
        Numbered numbered = list.filter(l -> !tooMany(changed, l.iris().size()))
                .flatMap(l -> fromList(l, dataset, texts)).orElse(null);
        lastFromList = numbered != null;
        if (numbered == null) {
            List<EntityText> read = GraphReader.entities(dataset);
            if (tooMany(changed, read.size())) {
                lastChanged = null;
                deriveAll(dataset, uris, derivedGraph, read, numbers(read), t0);
                return;
            }
            numbered = fromStore(read);
        }
        List<Node> entities = numbered.iris();
        Map<Node, Integer> numbers = numbered.numbers();
        Set<Node> touched = new HashSet<>();
        Numbered embedded = numbered;
        pending = new EntityKeys.Saved(embedder.model(), null, entities, numbered.keys());
        ExactIndex index = new ExactIndex(numbered.vectors());
        Set<Integer> again = new HashSet<>();
        for (Node e : changed) {
            Integer i = numbers.get(e);
            if (i != null)
                again.add(i);
        }
        for (Node e : texts)
            for (Node other : StoredLinks.linkedWith(stored, e, method))
                if (numbers.containsKey(other))
                    again.add(numbers.get(other));
        // An entity whose own k nearest a new text joins: one with fewer than k links, or whose
        // k-th best link scores no more than the new text does (its own k nearest are its k best links).
        for (Node e : texts) {
            Integer i = numbers.get(e);
            if (i == null)
                continue;
            for (Neighbour n : index.nearest(i, entities.size(), settings.threshold(), again::contains))
                if (Vectors.score(n.cosine()).compareTo(StoredLinks.kthBest(stored, entities.get(n.index()), method, settings.k())) >= 0)
                    again.add(n.index());
        }
        // The partners are read here, in the transaction's own thread; the searches then run on every core.
        IntFunction<Set<Integer>> partnersOf = i -> GraphReader.typedPartnersOf(dataset, entities.get(i), numbers);
        Map<Integer, Set<Integer>> partners = new HashMap<>();
        for (int i : again)
            partners.put(i, partnersOf.apply(i));
        Map<Integer, List<Neighbour>> nearest = new ConcurrentHashMap<>();
        again.parallelStream().forEach(i -> nearest.put(i, nearestOf(index, i, partners.get(i))));
        Set<Integer> newTexts = new HashSet<>();
        for (Node e : texts)
            if (numbers.containsKey(e))
                newTexts.add(numbers.get(e));
        // the links the recomputed entities want, by link IRI
        Map<Node, LinkComputation.Pair> wanted = new HashMap<>();
        for (int i : again)
            for (Neighbour n : nearest.get(i)) {
                LinkComputation.Pair p = new LinkComputation.Pair(Math.min(i, n.index()), Math.max(i, n.index()), n.cosine());
                wanted.put(linkIri(uris, entities.get(p.a()), entities.get(p.b())), p);
            }
        // the stored links they are in: kept when wanted, or when the other end still wants them
        Map<Node, Triple[]> before = new HashMap<>();
        Set<Node> seen = new HashSet<>();
        List<Node> involved = new ArrayList<>(changed);
        again.forEach(i -> involved.add(entities.get(i)));
        for (Node e : involved)
            for (Node link : StoredLinks.linksOf(stored, e, method))
                if (seen.add(link))
                    StoredLinks.storedLink(stored, link).ifPresent(t -> before.put(link, t));
        int added = 0, kept = 0, removed = 0;
        Node now = NodeFactory.createLiteralDT(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
        for (Map.Entry<Node, Triple[]> e : before.entrySet()) {
            Node link = e.getKey();
            if (wanted.containsKey(link))
                continue;
            List<Node> ends = stored.find(link, KG.element, Node.ANY).mapWith(Triple::getObject).toList();
            Integer a = ends.size() < 2 ? null : numbers.get(ends.get(0)), b = ends.size() < 2 ? null : numbers.get(ends.get(1));
            boolean keep = false;
            // an entity gone takes its links with it; a link both ends gave up goes
            if (a != null && b != null && !(again.contains(a) && again.contains(b))) {
                int mine = again.contains(a) ? a : b, other = mine == a ? b : a;
                keep = stillNearest(index, other, mine, StoredLinks.linkedWith(stored, entities.get(other), method), numbers, newTexts,
                        partnersOf.apply(other));
            }
            if (keep) {
                kept++;
            } else {
                touched.addAll(ends);
                StoredLinks.removeLinks(stored, List.of(link));
                removed++;
            }
        }
        for (Map.Entry<Node, LinkComputation.Pair> e : wanted.entrySet()) {
            Triple[] old = before.get(e.getKey());
            BigDecimal score = Vectors.score(e.getValue().cosine());
            if (old != null && StoredLinks.sameScore(old[0].getObject(), score)) {
                kept++;
                continue;
            }
            if (old != null)
                StoredLinks.removeLinks(stored, List.of(e.getKey()));
            StoredLinks.writeLink(stored, e.getKey(), entities.get(e.getValue().a()), entities.get(e.getValue().b()), score, method, now);
            touched.add(entities.get(e.getValue().a()));
            touched.add(entities.get(e.getValue().b()));
            added++;
        }
        lastChanged = touched;
        last = new SimilarityReport(entities.size(), embedded.hits(), embedded.embedded(),
                "exact, " + again.size() + " entities whose links the edit may change",
                wanted.size(), added, removed, kept, (System.nanoTime() - t0) / 1_000_000, embedded.warning());
    }

    /** More changes than an edit: a twentieth of the entities, or fifty. */
    private static boolean tooMany(Set<Node> changed, int entities) {
        return changed.size() > Math.max(50, entities / 20);
    }

    /** The entities numbered, with their text keys and vectors, and what embedding them took. */
    private record Numbered(List<Node> iris, Map<Node, Integer> numbers, List<String> keys, List<float[]> vectors, int hits,
                            int embedded, String warning) {}

    private Numbered fromStore(List<EntityText> entities) {
        List<String> texts = entities.stream().map(EntityText::text).toList();
        EmbeddingCache.Result embedded = cache.embed(texts, embedder, progress);
        return new Numbered(entities.stream().map(EntityText::iri).toList(), numbers(entities),
                texts.stream().map(t -> EmbeddingCache.key(embedder.model(), t)).toList(), embedded.vectors(), embedded.hits(),
                embedded.embedded(), embedded.warning());
    }

    /**
     * The saved list with the edit applied: the entities whose text changed read from the store
     * (gone when they are no longer entities, added in IRI order when new), the others as they
     * were. Empty when the cache lacks a vector the list names (deleted since): the texts are then
     * read from the store.
     */
    private Optional<Numbered> fromList(EntityKeys.Saved list, DatasetGraph dataset, Set<Node> changedTexts) {
        Map<Node, EntityText> now = new HashMap<>();
        Set<Node> gone = new HashSet<>();
        for (Node e : changedTexts)
            GraphReader.entity(dataset, e).ifPresentOrElse(t -> now.put(e, t), () -> gone.add(e));
        List<Node> iris = new ArrayList<>(list.iris().size() + now.size());
        List<String> keys = new ArrayList<>(list.iris().size() + now.size());
        Set<Node> placed = new HashSet<>();
        for (int i = 0; i < list.iris().size(); i++) {
            Node e = list.iris().get(i);
            if (gone.contains(e))
                continue;
            EntityText t = now.get(e);
            iris.add(e);
            keys.add(t == null ? list.keys().get(i) : EmbeddingCache.key(embedder.model(), t.text()));
            if (t != null)
                placed.add(e);
        }
        List<Node> added = now.keySet().stream().filter(e -> !placed.contains(e)).toList();
        if (!added.isEmpty()) {
            // numbered in IRI order, as the store's query orders them
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < iris.size(); i++)
                order.add(i);
            for (Node e : added) {
                iris.add(e);
                keys.add(EmbeddingCache.key(embedder.model(), now.get(e).text()));
                order.add(order.size());
            }
            order.sort((x, y) -> iris.get(x).getURI().compareTo(iris.get(y).getURI()));
            List<Node> sortedIris = new ArrayList<>(iris.size());
            List<String> sortedKeys = new ArrayList<>(iris.size());
            for (int i : order) {
                sortedIris.add(iris.get(i));
                sortedKeys.add(keys.get(i));
            }
            iris.clear();
            iris.addAll(sortedIris);
            keys.clear();
            keys.addAll(sortedKeys);
        }
        List<String> newTexts = now.values().stream().map(EntityText::text).toList();
        EmbeddingCache.Result embedded = cache.embed(newTexts, embedder, progress, false);
        Optional<List<float[]>> vectors = cache.known(keys, embedder);
        if (vectors.isEmpty())
            return Optional.empty();
        Map<Node, Integer> numbers = new HashMap<>(iris.size() * 4 / 3 + 1);
        for (int i = 0; i < iris.size(); i++)
            numbers.put(iris.get(i), i);
        return Optional.of(new Numbered(List.copyOf(iris), numbers, List.copyOf(keys), vectors.get(),
                iris.size() - embedded.embedded(), embedded.embedded(), embedded.warning()));
    }

    /**
     * Keeps the entity list of the derivation just made for the data whose token is {@code token}
     * (the derived graph's new data version), so that the next edit starts from it; forgets it
     * when the derivation computed nothing.
     */
    public void keep(String token) {
        if (pending == null) {
            saved.forget();
            return;
        }
        String warning = saved.save(new EntityKeys.Saved(pending.model(), token, pending.iris(), pending.keys()));
        if (warning != null && last != null && last.warning() == null)
            last = new SimilarityReport(last.entities(), last.cacheHits(), last.embedded(), last.search(), last.links(), last.added(),
                    last.removed(), last.kept(), last.millis(), warning);
    }

    /** Whether the last {@link #update} took the entities from the list the derivation before it kept ({@link #keep}). */
    public boolean lastStartedFromList() { return lastFromList; }

    /** Entity numbers by IRI: their places in {@code entities}. */
    private static Map<Node, Integer> numbers(List<EntityText> entities) {
        Map<Node, Integer> numbers = new HashMap<>();
        for (int i = 0; i < entities.size(); i++)
            numbers.put(entities.get(i).iri(), i);
        return numbers;
    }

    /**
     * Whether {@code mine} is still among the k nearest of {@code other}, an entity the edit did not
     * search again (its text and typed partners are as they were). Its k nearest now are among its
     * k nearest before, which are among its stored links ({@code linked}), and the entities whose
     * text changed: so those alone are scored, exactly, instead of every vector (a search per link
     * given up had been most of an edit's time: 43 of its 80 s at 50,000 entities).
     */
    private boolean stillNearest(ExactIndex index, int other, int mine, List<Node> linked, Map<Node, Integer> numbers,
                                 Set<Integer> newTexts, Set<Integer> partners) {
        Set<Integer> candidates = new HashSet<>(newTexts);
        for (Node n : linked)
            if (numbers.containsKey(n))
                candidates.add(numbers.get(n));
        candidates.add(mine);
        candidates.remove(other);
        candidates.removeAll(partners);
        List<Neighbour> scored = new ArrayList<>();
        for (int c : candidates) {
            double cosine = index.cosine(other, c);
            if (cosine >= settings.threshold())
                scored.add(new Neighbour(c, cosine));
        }
        scored.sort(Neighbour.BEST_FIRST);
        return scored.subList(0, Math.min(settings.k(), scored.size())).stream().anyMatch(n -> n.index() == mine);
    }

    /** Entity {@code i}'s k nearest above the threshold, its typed partners left out. */
    private List<Neighbour> nearestOf(VectorIndex index, int i, Set<Integer> partners) {
        return index.nearest(i, settings.k(), settings.threshold(), partners::contains);
    }

    /** Link IRI: {@code {base}similarity/computed/{hash of the two entity IRIs in order}}, the same at every build. */
    public static Node linkIri(Uris uris, Node a, Node b) {
        String x = a.getURI(), y = b.getURI();
        String pair = x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
        return NodeFactory.createURI(uris.base() + "similarity/computed/" + Uris.hash(pair, 16));
    }

    /** @return added, removed, kept */
    private int[] write(List<EntityText> entities, List<LinkComputation.Pair> pairs, Uris uris, Graph stored, Node method) {
        Map<Node, Triple[]> before = StoredLinks.storedLinks(stored, method);
        Node now = NodeFactory.createLiteralDT(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
        int added = 0, kept = 0;
        Set<Node> written = new HashSet<>();
        for (LinkComputation.Pair p : pairs) {
            Node a = entities.get(p.a()).iri(), b = entities.get(p.b()).iri();
            Node link = linkIri(uris, a, b);
            BigDecimal score = Vectors.score(p.cosine());
            written.add(link);
            Triple[] old = before.get(link);
            if (old != null && StoredLinks.sameScore(old[0].getObject(), score)) {
                kept++;
                continue;
            }
            if (old != null)
                StoredLinks.removeLinks(stored, List.of(link));
            added++;
            StoredLinks.writeLink(stored, link, a, b, score, method, now);
        }
        List<Node> gone = before.keySet().stream().filter(l -> !written.contains(l)).toList();
        StoredLinks.removeLinks(stored, gone);
        return new int[] {added, gone.size(), kept};
    }

    private void describe(Graph derived, Node derivedGraph) {
        StoredLinks.removeAll(derived, derivedGraph, SimilarityTerms.similarityThreshold);
        StoredLinks.removeAll(derived, derivedGraph, SimilarityTerms.similarityLimit);
        if (!settings.mode().computes())
            return;
        derived.add(Triple.create(derivedGraph, SimilarityTerms.similarityThreshold,
                StoredLinks.decimal(new BigDecimal(settings.thresholdLexical()))));
        derived.add(Triple.create(derivedGraph, SimilarityTerms.similarityLimit,
                NodeFactory.createLiteralDT(Integer.toString(settings.k()), XSDDatatype.XSDinteger)));
    }

    private static boolean sameValues(Graph expected, Graph actual, Node s, Node p) {
        List<BigDecimal> want = numbers(expected, s, p), have = numbers(actual, s, p);
        if (want.size() != have.size())
            return false;
        for (int i = 0; i < want.size(); i++)
            if (want.get(i).compareTo(have.get(i)) != 0)
                return false;
        return true;
    }

    private static List<BigDecimal> numbers(Graph g, Node s, Node p) {
        List<BigDecimal> values = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            try {
                values.add(new BigDecimal(t.getObject().getLiteralLexicalForm()));
            } catch (RuntimeException e) {
                values.add(BigDecimal.valueOf(-1));
            }
        });
        values.sort(BigDecimal::compareTo);
        return values;
    }
}
