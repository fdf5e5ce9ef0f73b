package org.lodestar.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.view.LeftoverCaches;

/**
 * Builds seed pages into a store, incrementally and atomically: every page is parsed and converted,
 * and every page whose graph changed is checked, first; then one write transaction replaces the
 * graphs whose content changed, drops the graphs of removed pages and refreshes the derived graph.
 * Anything that fails before the commit leaves the store exactly as it was.
 */
public final class SeedBuild {
    private final Pipeline pipeline;
    private final boolean strict;
    private PhaseClock clock = PhaseClock.NONE;
    private final SimilarityDerivation similarity;

    /** Computes no similarity links: the seed pages' own (imported) ones only. */
    public SeedBuild(Pipeline pipeline, boolean strict) {
        this(pipeline, strict, SimilarityDerivation.none());
    }

    public SeedBuild(Pipeline pipeline, boolean strict, SimilarityDerivation similarity) {
        this.pipeline = pipeline;
        this.strict = strict;
        this.similarity = similarity;
    }

    /** Reports the time of each phase to {@code clock} (the benchmark's hook); returns this build. */
    public SeedBuild timed(PhaseClock clock) {
        this.clock = clock;
        return this;
    }

    public BuildReport run(KnowledgeStore store, List<SeedFile> files) throws BuildFailedException {
        PipelineResult converted = pipeline.run(files, false, clock);
        if (converted.failed(strict))
            throw new BuildFailedException("build failed; the database was not changed", converted.messages());
        Uris uris = pipeline.uris();
        Map<Node, Graph> wanted = new LinkedHashMap<>();
        Map<Node, String> pages = new LinkedHashMap<>();
        converted.conversion().graphs().forEach((name, g) -> {
            wanted.put(uris.seedGraph(name), g);
            pages.put(uris.seedGraph(name), name);
        });
        wanted.put(uris.ontologyGraph(), pipeline.ontology().graph());
        DatasetGraph dataset = store.dataset();
        Map<Node, String> hashes = clock.time("hash", () -> fingerprints(wanted, uris.ontologyGraph()));
        Map<Node, String> stored = Txn.calculateRead(dataset, () -> storedHashes(dataset));
        PipelineResult result = new PipelineResult(converted.conversion(), converted.diagnostics(),
                pipeline.check(converted.conversion(), toCheck(pages, hashes, stored, uris.ontologyGraph()), clock));
        if (result.failed(strict))
            throw new BuildFailedException("build failed; the database was not changed", result.messages());
        Graph links = LinkFiles.read(files, result.conversion().graphs().values(), pipeline.ontology(), uris, strict);
        if (links != null) {
            wanted.put(LinkFiles.graphName(uris), links);
            hashes.put(LinkFiles.graphName(uris), GraphHash.of(links));
        }
        try {
            // "write" is the whole transaction with its commit; "derive" and "similarity" inside it are reported too
            return clock.time("write", () -> Txn.calculateWrite(dataset, () -> apply(dataset, wanted, hashes, stored, uris.derivedGraph())));
        } catch (ConcurrentBuild e) {
            throw new BuildFailedException("another build changed the database while this one ran; nothing was written: build again",
                    List.of());
        }
    }

    /** Each graph's fingerprint; the ontology graph's also covers the shapes, which decide whether a page passes. */
    private Map<Node, String> fingerprints(Map<Node, Graph> wanted, Node ontologyGraph) {
        Map<Node, String> hashes = new ConcurrentHashMap<>();
        wanted.entrySet().parallelStream().forEach(e -> hashes.put(e.getKey(), GraphHash.of(e.getValue())));
        hashes.computeIfPresent(ontologyGraph, (g, h) -> Uris.hash(h + " " + pipeline.shapesFingerprint(), 64));
        return hashes;
    }

    /**
     * The pages the shapes check: those whose graph is new or changed. A page stored with the same
     * fingerprint passed these shapes when it was stored (the ontology graph's fingerprint covers
     * the shapes, so a change to either checks every page again), and no shape needs two pages at
     * once, since identity is settled across all pages before conversion and each page's graph
     * types and labels every entity it mentions; the one exception, two pages that describe the
     * same entity, {@code Pipeline.check} checks together. A strict build checks everything: it
     * answers for warnings on pages that a lenient build stored too.
     */
    private List<String> toCheck(Map<Node, String> pages, Map<Node, String> hashes, Map<Node, String> stored, Node ontologyGraph) {
        if (strict || !hashes.get(ontologyGraph).equals(stored.get(ontologyGraph)))
            return List.copyOf(pages.values());
        return pages.entrySet().stream().filter(e -> !hashes.get(e.getKey()).equals(stored.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
    }

    /** The stored graphs changed between the check and the write: what was checked is not what would be replaced. */
    private static final class ConcurrentBuild extends RuntimeException {
        ConcurrentBuild() {
            super(null, null, false, false);
        }
    }

    private BuildReport apply(DatasetGraph dataset, Map<Node, Graph> wanted, Map<Node, String> hashes,
                              Map<Node, String> checkedAgainst, Node derivedGraph) {
        Map<Node, String> stored = storedHashes(dataset);
        if (!stored.equals(checkedAgainst))
            throw new ConcurrentBuild();
        int added = 0, replaced = 0, unchanged = 0, dropped = 0;
        QuadLoad load = QuadLoad.start(dataset);
        try {
            for (Map.Entry<Node, Graph> e : wanted.entrySet()) {
                String hash = hashes.get(e.getKey());
                String before = stored.get(e.getKey());
                if (hash.equals(before)) {
                    unchanged++;
                    continue;
                }
                replace(dataset, load, e.getKey(), e.getValue(), hash);
                if (before == null)
                    added++;
                else
                    replaced++;
            }
            load.finish();
        } catch (RuntimeException | Error e) {
            load.abandon();
            throw e;
        }
        for (Node g : stored.keySet())
            if (!wanted.containsKey(g) && !g.equals(derivedGraph)) {
                dataset.removeGraph(g);
                dropped++;
            }
        BuildReport report = new BuildReport(added, replaced, dropped, unchanged);
        // other similarity settings than the stored links were made with, or rendered caches that an
        // earlier version kept in the derived graph, also call for a rederive
        if (report.changed() || !stored.containsKey(derivedGraph)
                || !similarity.isCurrent(dataset.getGraph(derivedGraph), derivedGraph)
                || LeftoverCaches.in(dataset.getGraph(derivedGraph)))
            rederive(dataset, derivedGraph);
        return report;
    }

    private void rederive(DatasetGraph dataset, Node derivedGraph) {
        // What the new derived graph takes from the old: computed links and the update token. The
        // stored views' JSON is most of the old graph's bytes and none of that, so it is not copied.
        Graph previous = GraphFactory.createDefaultGraph();
        dataset.getGraph(derivedGraph).find().filterDrop(t -> t.predicateMatches(LeftoverCaches.VIEW_DATA)).forEachRemaining(previous::add);
        dataset.removeGraph(derivedGraph);
        Graph derived = GraphFactory.createDefaultGraph();
        clock.time("derive", () -> {
            Degrees.write(derived, Degrees.count(dataset, pipeline.ontology()));
            return null;
        });
        clock.time("similarity", () -> {
            similarity.derive(dataset, pipeline.uris(), previous, derived);
            return null;
        });
        derived.find().forEachRemaining(t -> dataset.add(derivedGraph, t.getSubject(), t.getPredicate(), t.getObject()));
        dataset.add(derivedGraph, derivedGraph, KG.contentHash, NodeFactory.createLiteralString(GraphHash.of(derived)));
        // A SPARQL update's token outlives the graph it is on: the data it changed may be in a page
        // graph no build rewrites, and the data version must not return to what it was before it.
        previous.find(derivedGraph, KG.lastUpdate, Node.ANY).forEachRemaining(t ->
                dataset.add(derivedGraph, t.getSubject(), t.getPredicate(), t.getObject()));
        // when the data last changed: the server's Last-Modified
        dataset.add(derivedGraph, derivedGraph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime));
    }

    private static void replace(DatasetGraph dataset, QuadLoad load, Node name, Graph content, String hash) {
        // a bulk load starts from an empty table: there is nothing to remove, and no index to find it with
        if (!load.bulk())
            dataset.removeGraph(name);
        content.find().forEachRemaining(t -> load.add(name, t));
        load.add(name, Triple.create(name, KG.contentHash, NodeFactory.createLiteralString(hash)));
    }

    /** The graphs a build made, by their fingerprints: each holds one triple naming its own hash. */
    private static Map<Node, String> storedHashes(DatasetGraph dataset) {
        Map<Node, String> hashes = new HashMap<>();
        dataset.find(Node.ANY, Node.ANY, KG.contentHash, Node.ANY).forEachRemaining((Quad q) -> {
            if (q.getGraph().equals(q.getSubject()))
                hashes.put(q.getGraph(), q.getObject().getLiteralLexicalForm());
        });
        return hashes;
    }
}
