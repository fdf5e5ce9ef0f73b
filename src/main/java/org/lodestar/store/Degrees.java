package org.lodestar.store;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;

/**
 * Materialises each entity's typed-edge degree in the derived graph. Ranking a hub's neighbours by
 * degree must not count every neighbour's edges at query time, so the counts are kept as triples.
 */
final class Degrees {
    private Degrees() {}

    /** Counts distinct typed edges (kg:Edge resources whose predicate has a key) per entity. */
    static Map<Node, Integer> count(DatasetGraph dataset, Ontology ontology) {
        Graph union = dataset.getUnionGraph();
        Map<Node, Integer> degrees = new HashMap<>();
        union.find(Node.ANY, RDF.type.asNode(), KG.Edge).forEachRemaining(t -> {
            Node edge = t.getSubject();
            Node p = single(union, edge, KG.predicate);
            if (p == null || ontology.edgeForIri(p).isEmpty())
                return;
            Node s = single(union, edge, KG.source);
            Node o = single(union, edge, KG.target);
            if (s != null)
                degrees.merge(s, 1, Integer::sum);
            if (o != null && !o.equals(s))
                degrees.merge(o, 1, Integer::sum);
        });
        return degrees;
    }

    static void write(Graph derived, Map<Node, Integer> degrees) {
        degrees.forEach((entity, n) -> derived.add(Triple.create(entity, KG.degree,
                NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger))));
    }

    private static Node single(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }
}
