package org.lodestar.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilarityDerivation;

/**
 * Builds seed pages into a store, incrementally and atomically: every page is parsed, converted
 * and checked first; then one write transaction replaces the graphs whose content changed, drops
 * the graphs of removed pages and refreshes the derived graph. Anything that fails before the
 * commit leaves the store exactly as it was.
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
        PipelineResult result = pipeline.run(files, true, clock);
        if (result.failed(strict))
            throw new BuildFailedException("build failed; the database was not changed", result.messages());
        Uris uris = pipeline.uris();
        Map<Node, Graph> wanted = new LinkedHashMap<>();
        result.conversion().graphs().forEach((name, g) -> wanted.put(uris.seedGraph(name), g));
        wanted.put(uris.ontologyGraph(), pipeline.ontology().graph());
        Graph links = LinkFiles.read(files, result.conversion().graphs().values(), pipeline.ontology(), uris, strict);
        if (links != null)
            wanted.put(LinkFiles.graphName(uris), links);
        DatasetGraph dataset = store.dataset();
        // "write" is the whole transaction with its commit; "derive" and "similarity" inside it are reported too
        return clock.time("write", () -> Txn.calculateWrite(dataset, () -> apply(dataset, wanted, uris.derivedGraph())));
    }

    private BuildReport apply(DatasetGraph dataset, Map<Node, Graph> wanted, Node derivedGraph) {
        Map<Node, String> stored = storedHashes(dataset);
        int added = 0, replaced = 0, unchanged = 0, dropped = 0;
        for (Map.Entry<Node, Graph> e : wanted.entrySet()) {
            String hash = GraphHash.of(e.getValue());
            String before = stored.get(e.getKey());
            if (hash.equals(before)) {
                unchanged++;
                continue;
            }
            replace(dataset, e.getKey(), e.getValue(), hash);
            if (before == null)
                added++;
            else
                replaced++;
        }
        for (Node g : stored.keySet())
            if (!wanted.containsKey(g) && !g.equals(derivedGraph)) {
                dataset.removeGraph(g);
                dropped++;
            }
        BuildReport report = new BuildReport(added, replaced, dropped, unchanged);
        // other similarity settings than the stored links were made with also call for a rederive
        if (report.changed() || !stored.containsKey(derivedGraph)
                || !similarity.isCurrent(dataset.getGraph(derivedGraph), derivedGraph))
            rederive(dataset, derivedGraph);
        return report;
    }

    private void rederive(DatasetGraph dataset, Node derivedGraph) {
        Graph previous = GraphFactory.createDefaultGraph();
        dataset.getGraph(derivedGraph).find().forEachRemaining(previous::add);
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
        // when the data last changed: the server's Last-Modified
        dataset.add(derivedGraph, derivedGraph, org.apache.jena.vocabulary.DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
    }

    private static void replace(DatasetGraph dataset, Node name, Graph content, String hash) {
        dataset.removeGraph(name);
        content.find().forEachRemaining(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        dataset.add(name, name, KG.contentHash, NodeFactory.createLiteralString(hash));
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
