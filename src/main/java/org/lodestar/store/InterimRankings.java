package org.lodestar.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.view.HubNeighbourhoods;
import org.lodestar.view.HubSimilarity;
import org.lodestar.view.StoredRankings;
import org.lodestar.view.StoredViews;
import org.lodestar.view.ViewOptions;

/** The rankings stored in the derived graph, made again whole after every derivation. */
final class InterimRankings {
    private static final List<Node> KINDS = List.of(KG.RankedGroup, KG.RankedMember, KG.RankedSimilarity, KG.RankedSimilar, KG.StoredView);

    private InterimRankings() {}

    static boolean current(DatasetGraph dataset, Node derivedGraph) {
        return StoredRankings.current(dataset.getGraph(derivedGraph), derivedGraph);
    }

    static void refresh(DatasetGraph dataset, Uris uris, Ontology ontology, SimilaritySettings settings) {
        Node derivedGraph = uris.derivedGraph();
        Graph derived = dataset.getGraph(derivedGraph);
        StoredRankings.invalidate(dataset, derivedGraph);
        List<Node> old = new ArrayList<>();
        for (Node kind : KINDS)
            derived.find(Node.ANY, RDF.type.asNode(), kind).forEachRemaining(t -> old.add(t.getSubject()));
        old.forEach(s -> dataset.deleteAny(derivedGraph, s, Node.ANY, Node.ANY));
        ViewOptions shown = ViewOptions.defaults(settings);
        keep(HubNeighbourhoods.rank(dataset, uris), derived);
        keep(HubSimilarity.rank(dataset, uris, shown), derived);
        keep(StoredViews.make(dataset, uris, ontology, shown), derived);
    }

    private static void keep(Graph ranked, Graph derived) {
        ranked.find().forEachRemaining(derived::add);
    }
}
