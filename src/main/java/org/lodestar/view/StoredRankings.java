package org.lodestar.view;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.lodestar.ontology.KG;

/**
 * Whether the rankings the build stored (hubs' first pages, {@link HubNeighbourhoods}; crowded
 * similarity sections, {@link HubSimilarity}; the whole views of entities with many typed edges, {@link StoredViews})
 * may be read. Each kind states on the derived graph
 * what it was made with; views read a kind only while its statement is there, and a build derives
 * again when one is missing or says something else.
 */
public final class StoredRankings {
    private StoredRankings() {}

    /** True when the derived graph holds all three kinds, made as this code makes them. */
    public static boolean current(Graph derived, Node derivedGraph) {
        return derived.contains(derivedGraph, KG.rankedPageSize, HubNeighbourhoods.integer(HubNeighbourhoods.STORED))
                && derived.contains(derivedGraph, KG.rankedSimilarityMinimum, HubNeighbourhoods.integer(HubSimilarity.MIN_LINKS))
                && derived.contains(derivedGraph, KG.storedViewCode, StoredViews.CODE_LITERAL);
    }

    /**
     * Stops views reading the stored rankings, until a build derives them again: data written
     * around the build (a SPARQL update) may have changed what they rank. Three triples; the rows stay
     * until then. Call it inside a write transaction.
     */
    public static void invalidate(DatasetGraph dataset, Node derivedGraph) {
        dataset.deleteAny(derivedGraph, derivedGraph, KG.rankedPageSize, Node.ANY);
        dataset.deleteAny(derivedGraph, derivedGraph, KG.rankedSimilarityMinimum, Node.ANY);
        dataset.deleteAny(derivedGraph, derivedGraph, KG.storedViewCode, Node.ANY);
    }
}
