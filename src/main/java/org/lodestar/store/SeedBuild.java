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
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;

/**
 * Builds seed pages into a store, incrementally and atomically: every page is parsed, converted
 * and checked first; then one write transaction replaces the graphs whose content changed, drops
 * the graphs of removed pages and refreshes the derived graph. Anything that fails before the
 * commit leaves the store exactly as it was.
 */
public final class SeedBuild {
    private final Pipeline pipeline;
    private final boolean strict;

    public SeedBuild(Pipeline pipeline, boolean strict) {
        this.pipeline = pipeline;
        this.strict = strict;
    }

    public BuildReport run(KnowledgeStore store, List<SeedFile> files) throws BuildFailedException {
        PipelineResult result = pipeline.run(files, true);
        if (result.failed(strict))
            throw new BuildFailedException("build failed; the database was not changed", result.messages());
        Uris uris = pipeline.uris();
        Map<Node, Graph> wanted = new LinkedHashMap<>();
        result.conversion().graphs().forEach((name, g) -> wanted.put(uris.seedGraph(name), g));
        wanted.put(uris.ontologyGraph(), pipeline.ontology().graph());
        DatasetGraph dataset = store.dataset();
        return Txn.calculateWrite(dataset, () -> apply(dataset, wanted, uris.derivedGraph()));
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
        if (report.changed() || !stored.containsKey(derivedGraph))
            rederive(dataset, derivedGraph);
        return report;
    }

    private void rederive(DatasetGraph dataset, Node derivedGraph) {
        dataset.removeGraph(derivedGraph);
        Graph derived = GraphFactory.createDefaultGraph();
        Degrees.write(derived, Degrees.count(dataset, pipeline.ontology()));
        derived.find().forEachRemaining(t -> dataset.add(derivedGraph, t.getSubject(), t.getPredicate(), t.getObject()));
        dataset.add(derivedGraph, derivedGraph, KG.contentHash, NodeFactory.createLiteralString(GraphHash.of(derived)));
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
