package org.lodestar.web;

import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of the query endpoint: what {@code GET /kg/sparql} without a
 * query returns, and part of the VoID. It names the endpoint, the languages and result formats,
 * the union default graph and every named graph, and says what is not offered by leaving it
 * out (no federation: SERVICE is off).
 */
final class ServiceDescription {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {}

    static Node sd(String local) { return NodeFactory.createURI(SD + local); }

    /**
     * @param service  the node naming the service (a blank node for the endpoint's own description)
     * @param endpoint the endpoint's URL as the client reached it, or as the base names it
     */
    static Graph describe(Node service, Node endpoint, DatasetGraph dataset) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(service, RDF.type.asNode(), sd("Service"));
        g.add(service, sd("endpoint"), endpoint);
        g.add(service, DCTerms.title.asNode(), NodeFactory.createLiteralString("Lodestar knowledge graph — SPARQL endpoint"));
        g.add(service, sd("supportedLanguage"), sd("SPARQL10Query"));
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD"))
            g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f));
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        g.add(service, sd("defaultEntailmentRegime"), NodeFactory.createURI("http://www.w3.org/ns/entailment/Simple"));
        Node ds = NodeFactory.createBlankNode();
        g.add(service, sd("defaultDataset"), ds);
        g.add(ds, RDF.type.asNode(), sd("Dataset"));
        Node dflt = NodeFactory.createBlankNode();
        g.add(ds, sd("defaultGraph"), dflt);
        g.add(dflt, RDF.type.asNode(), sd("Graph"));
        List<Node> names = Txn.calculateRead(dataset, () -> Iter.toList(dataset.listGraphNodes()));
        for (Node name : names) {
            Node named = NodeFactory.createBlankNode();
            g.add(ds, sd("namedGraph"), named);
            g.add(named, RDF.type.asNode(), sd("NamedGraph"));
            g.add(named, sd("name"), name);
        }
        return g;
    }
}
