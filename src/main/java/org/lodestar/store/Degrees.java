package org.lodestar.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;

/**
 * Materialises each entity's typed-edge degree ({@code kg:degree}) in the derived graph. Ranking
 * a hub's neighbours by degree must not count every neighbour's edges at query time, so the
 * counts are kept as triples: all of them after a first build, and after an edit only those of
 * the entities at either end of an edge the edit added or removed.
 */
final class Degrees {
    private final Graph union;
    private final Ontology ontology;
    /** Whether each predicate seen has a key: predicates are few, edges many. */
    private final Map<Node, Boolean> typedPredicate = new HashMap<>();

    Degrees(DatasetGraph dataset, Ontology ontology) {
        this.union = dataset.getUnionGraph();
        this.ontology = ontology;
    }

    /**
     * Every entity's degree: distinct typed edges (kg:Edge resources whose predicate has a key) at
     * either end, an edge from an entity to itself once. One pass over each end's triples; what is
     * held is a count per entity.
     */
    Map<Node, Integer> all() {
        Map<Node, Integer> degrees = new HashMap<>();
        union.find(Node.ANY, KG.source, Node.ANY).forEachRemaining(t -> {
            if (typed(t.getSubject()))
                degrees.merge(t.getObject(), 1, Integer::sum);
        });
        union.find(Node.ANY, KG.target, Node.ANY).forEachRemaining(t -> {
            Node edge = t.getSubject(), target = t.getObject();
            if (typed(edge) && !union.contains(edge, KG.source, target))
                degrees.merge(target, 1, Integer::sum);
        });
        return degrees;
    }

    /** The degree of one entity, counted from its own edges. */
    int of(Node entity) {
        Set<Node> edges = new HashSet<>();
        union.find(Node.ANY, KG.source, entity).forEachRemaining(t -> {
            if (typed(t.getSubject()))
                edges.add(t.getSubject());
        });
        union.find(Node.ANY, KG.target, entity).forEachRemaining(t -> {
            if (typed(t.getSubject()))
                edges.add(t.getSubject());
        });
        return edges.size();
    }

    /** Replaces every degree in the derived graph. */
    void writeAll(DatasetGraph dataset, Node derivedGraph) {
        dataset.deleteAny(derivedGraph, Node.ANY, KG.degree, Node.ANY);
        all().forEach((entity, n) -> dataset.add(derivedGraph, entity, KG.degree, integer(n)));
    }

    /**
     * Counts again the degrees of {@code entities} only; the derived graph says nothing of an
     * entity with none.
     *
     * @return those whose degree is not what it was: every view that lists one of them ranks it anew
     */
    Set<Node> update(DatasetGraph dataset, Node derivedGraph, Collection<Node> entities) {
        Set<Node> changed = new HashSet<>();
        for (Node entity : entities) {
            int before = stored(dataset, derivedGraph, entity), n = of(entity);
            if (n == before)
                continue;
            changed.add(entity);
            dataset.deleteAny(derivedGraph, entity, KG.degree, Node.ANY);
            if (n > 0)
                dataset.add(derivedGraph, entity, KG.degree, integer(n));
        }
        return changed;
    }

    private static int stored(DatasetGraph dataset, Node derivedGraph, Node entity) {
        var found = dataset.find(derivedGraph, entity, KG.degree, Node.ANY);
        return found.hasNext() ? Integer.parseInt(found.next().getObject().getLiteralLexicalForm()) : 0;
    }

    /** Whether an edge's predicate is one with a key (kg:linkedTo has none). */
    private boolean typed(Node edge) {
        var p = union.find(edge, KG.predicate, Node.ANY);
        if (!p.hasNext())
            return false;
        Node predicate = p.next().getObject();
        p.close();
        return typedPredicate.computeIfAbsent(predicate, x -> ontology.edgeForIri(x).isPresent());
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }
}
