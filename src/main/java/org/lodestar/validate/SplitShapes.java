package org.lodestar.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The shapes of {@code shapes/} in two parts that together find what jena-shacl finds with all of
 * them: the SPARQL constraints that one query per graph can answer ({@link WholeGraphSparql}), and
 * the rest, for jena-shacl: its Core constraints are cheap per focus node, its SPARQL constraints
 * are not. The shapes files stay the one source of every check.
 *
 * <p>A constraint is taken out only from a node shape that jena-shacl reaches through its targets
 * alone: one that no other shape names (through {@code sh:node}, {@code sh:or}, ...), so that its
 * focus nodes are exactly those of its targets, and that is not deactivated.
 */
final class SplitShapes {
    private final Shapes all;
    private final Shapes rest;
    private final Map<Shape, List<WholeGraphSparql>> wholeGraph;

    private SplitShapes(Shapes all, Shapes rest, Map<Shape, List<WholeGraphSparql>> wholeGraph) {
        this.all = all;
        this.rest = rest;
        this.wholeGraph = wholeGraph;
    }

    static SplitShapes of(Shapes all) {
        Graph graph = all.getGraph();
        Graph restGraph = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(restGraph::add);
        restGraph.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
        Map<Shape, List<WholeGraphSparql>> wholeGraph = new LinkedHashMap<>();
        for (Shape shape : all.getTargetShapes()) {
            if (!(shape instanceof NodeShape) || shape.deactivated() || graph.contains(Node.ANY, Node.ANY, shape.getShapeNode()))
                continue;
            for (Triple t : graph.find(shape.getShapeNode(), SHACL.sparql, Node.ANY).toList()) {
                Optional<WholeGraphSparql> c = WholeGraphSparql.of(shape, graph, t.getObject());
                if (c.isPresent()) {
                    wholeGraph.computeIfAbsent(shape, s -> new ArrayList<>()).add(c.get());
                    restGraph.delete(t);
                }
            }
        }
        return new SplitShapes(all, Shapes.parse(restGraph), wholeGraph);
    }

    /** The constraints answered by one query per graph, for tests and the record. */
    List<WholeGraphSparql> wholeGraphConstraints() {
        return wholeGraph.values().stream().flatMap(List::stream).toList();
    }

    /** What jena-shacl finds in {@code data} with all the shapes. */
    Collection<ReportEntry> check(Graph data) {
        List<ReportEntry> entries = new ArrayList<>(ShaclValidator.get().validate(rest, data).getEntries());
        ValidationContext results = ValidationContext.create(all, data);
        wholeGraph.forEach((shape, constraints) -> {
            Set<Node> focusNodes = new HashSet<>(VLib.focusNodes(data, shape));
            if (!focusNodes.isEmpty())
                constraints.forEach(c -> c.check(data, focusNodes, results));
        });
        entries.addAll(results.generateReport().getEntries());
        return entries;
    }
}
