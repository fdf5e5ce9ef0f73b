package org.lodestar.similarity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
import org.apache.jena.vocabulary.RDF;
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
    private SimilarityReport last;

    public SimilarityDerivation(SimilaritySettings settings, EmbeddingCache cache, Embedder embedder, Progress progress,
                                int exactBelow) {
        this.settings = settings;
        this.cache = cache;
        this.embedder = embedder;
        this.progress = progress;
        this.exactBelow = exactBelow;
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
        Graph stored = dataset.getGraph(derivedGraph);
        Node method = SimilarityTerms.method(embedder);
        if (!settings.mode().computes()) {
            // links another build computed, with settings that computed some
            removeLinks(stored, storedLinks(stored, method).keySet());
            describe(stored, derivedGraph);
            return;
        }
        long t0 = System.nanoTime();
        describe(stored, derivedGraph);
        List<EntityText> entities = GraphReader.entities(dataset);
        Map<Node, Integer> numbers = new HashMap<>();
        for (int i = 0; i < entities.size(); i++)
            numbers.put(entities.get(i).iri(), i);
        EmbeddingCache.Result embedded = cache.embed(entities.stream().map(EntityText::text).toList(), embedder, progress);
        LinkComputation.Result computed = LinkComputation.compute(embedded.vectors(),
                GraphReader.typedPartners(dataset, numbers), settings.threshold(), settings.k(), exactBelow);
        int[] counts = write(entities, computed.pairs(), uris, stored, method);
        last = new SimilarityReport(entities.size(), embedded.hits(), embedded.embedded(), computed.search(),
                computed.pairs().size(), counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1_000_000,
                embedded.warning());
    }

    /** Link IRI: {@code {base}similarity/computed/{hash of the two entity IRIs in order}}, the same at every build. */
    public static Node linkIri(Uris uris, Node a, Node b) {
        String x = a.getURI(), y = b.getURI();
        String pair = x.compareTo(y) <= 0 ? x + " " + y : y + " " + x;
        return NodeFactory.createURI(uris.base() + "similarity/computed/" + Uris.hash(pair, 16));
    }

    /** @return added, removed, kept */
    private int[] write(List<EntityText> entities, List<LinkComputation.Pair> pairs, Uris uris, Graph stored, Node method) {
        Map<Node, Triple[]> before = storedLinks(stored, method);
        Node now = NodeFactory.createLiteralDT(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
        int added = 0, kept = 0;
        Set<Node> written = new HashSet<>();
        for (LinkComputation.Pair p : pairs) {
            Node a = entities.get(p.a()).iri(), b = entities.get(p.b()).iri();
            Node link = linkIri(uris, a, b);
            BigDecimal score = Vectors.score(p.cosine());
            written.add(link);
            Triple[] old = before.get(link);
            if (old != null && sameScore(old[0].getObject(), score)) {
                kept++;
                continue;
            }
            if (old != null)
                removeLinks(stored, List.of(link));
            added++;
            stored.add(Triple.create(link, RDF.type.asNode(), KG.SimilarityLink));
            stored.add(Triple.create(link, KG.element, a));
            stored.add(Triple.create(link, KG.element, b));
            stored.add(Triple.create(link, KG.score, NodeFactory.createLiteralDT(score.toPlainString(), XSDDatatype.XSDdecimal)));
            stored.add(Triple.create(link, KG.method, method));
            stored.add(Triple.create(link, SimilarityTerms.generatedAtTime, now));
        }
        List<Node> gone = before.keySet().stream().filter(l -> !written.contains(l)).toList();
        removeLinks(stored, gone);
        return new int[] {added, gone.size(), kept};
    }

    private static void removeLinks(Graph stored, Collection<Node> links) {
        for (Node link : links)
            stored.remove(link, Node.ANY, Node.ANY);
    }

    /** The computed links in the previous derived graph: link → {score triple, time triple}. */
    private static Map<Node, Triple[]> storedLinks(Graph previous, Node method) {
        Map<Node, Triple[]> links = new HashMap<>();
        for (Triple t : previous.find(Node.ANY, KG.method, method).toList()) {
            Node link = t.getSubject();
            Optional<Triple> score = previous.find(link, KG.score, Node.ANY).nextOptional();
            Optional<Triple> time = previous.find(link, SimilarityTerms.generatedAtTime, Node.ANY).nextOptional();
            if (score.isPresent() && time.isPresent())
                links.put(link, new Triple[] {score.get(), time.get()});
        }
        return links;
    }

    /** By value: TDB2 stores decimals in canonical form, "0.800" comes back as "0.8". */
    private static boolean sameScore(Node stored, BigDecimal score) {
        try {
            return stored.isLiteral() && new BigDecimal(stored.getLiteralLexicalForm()).compareTo(score) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void describe(Graph derived, Node derivedGraph) {
        derived.remove(derivedGraph, SimilarityTerms.similarityThreshold, Node.ANY);
        derived.remove(derivedGraph, SimilarityTerms.similarityLimit, Node.ANY);
        if (!settings.mode().computes())
            return;
        derived.add(Triple.create(derivedGraph, SimilarityTerms.similarityThreshold,
                NodeFactory.createLiteralDT(settings.thresholdLexical(), XSDDatatype.XSDdecimal)));
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
