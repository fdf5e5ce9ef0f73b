package org.lodestar.validate;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.system.G;

/**
 * One SPARQL-based constraint ({@code sh:sparql}) of a node shape, answered for all focus nodes of
 * a graph by one run of its SELECT. jena-shacl runs the SELECT once per focus node with
 * {@code $this} bound, compiling and planning it each time: at 20,000 entities, hundreds of
 * thousands of runs of the edge and entity queries. When {@link ThisBoundByPattern} holds, the
 * rows for focus node f are exactly the rows of one run with {@code ?this} free whose {@code ?this}
 * is f, so this class reports, through jena-shacl's own {@link ValidationContext}, the same
 * results jena-shacl does: same focus node, shape, path, value, message and severity.
 *
 * <p>The mapping of a row to a result follows jena-shacl 5.6's {@code SparqlValidation}: the value
 * is {@code ?value} (else the focus node), the path {@code ?path}, and the message is the
 * constraint's {@code sh:message} with each {@code {?var}} / {@code {$var}} replaced, in the
 * order of the projection, by the lexical form of a literal or the display form of any other node.
 */
final class WholeGraphSparql {
    private static final Var THIS = Var.alloc("this"), VALUE = Var.alloc("value"), PATH = Var.alloc("path");
    /** The name under which jena-shacl adds the shapes graph to the dataset it queries. */
    private static final Node SHAPES_GRAPH = NodeFactory.createURI("foo");

    private final Shape shape;
    private final SparqlConstraint constraint;
    /** What runs: the constraint's own query, or its current {@link DerivedQueries derived form}. */
    private final Query query;

    private WholeGraphSparql(Shape shape, SparqlConstraint constraint, Query query) {
        this.shape = shape;
        this.constraint = constraint;
        this.query = query;
    }

    /**
     * The constraint {@code constraintNode} of {@code shape}, read as jena-shacl reads it, when one
     * run answers for every focus node; empty when it must be left to jena-shacl (an ASK, no
     * message, or a query that {@link ThisBoundByPattern} does not accept).
     */
    static Optional<WholeGraphSparql> of(Shape shape, Graph shapesGraph, Node constraintNode) {
        Node message = G.getZeroOrOneSP(shapesGraph, constraintNode, SHACL.message);
        if (message == null || !message.isLiteral())
            return Optional.empty();
        Query query = ShLib.extractSPARQLQuery(shapesGraph, constraintNode);
        if (!ThisBoundByPattern.test(query))
            return Optional.empty();
        return Optional.of(new WholeGraphSparql(shape, new SparqlConstraint(query, message.getLiteralLexicalForm()),
                DerivedQueries.forShape(shape.getShapeNode(), query).orElse(query)));
    }

    Shape shape() { return shape; }

    /** Whether a derived form of the shape's query runs instead of the query itself. */
    boolean derived() { return query != constraint.getQuery(); }

    /** Reports into {@code results} what the constraint finds for each of {@code focusNodes} in {@code data}. */
    void check(Graph data, Set<Node> focusNodes, ValidationContext results) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral(data);
        dataset.addGraph(SHAPES_GRAPH, shape.getShapeGraph());
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                Node focus = row.get(THIS);
                if (focus == null || !focusNodes.contains(focus))
                    continue;
                Node value = row.get(VALUE);
                Node path = row.get(PATH);
                Path resultPath = path == null ? null : PathFactory.pathLink(path);
                results.reportEntry(message(row), shape, focus, resultPath, value == null ? focus : value, constraint);
            }
        }
    }

    /** jena-shacl's message: each bound variable of the row substituted in turn, as its SparqlValidation does. */
    private String message(Binding row) {
        String text = constraint.getMessage();
        for (Iterator<Var> vars = row.vars(); vars.hasNext(); ) {
            Var var = vars.next();
            Node node = row.get(var);
            String shown = node.isLiteral() ? node.getLiteralLexicalForm() : ShLib.displayStr(node);
            text = text.replaceAll("\\{[?$]" + Matcher.quoteReplacement(var.getVarName()) + "\\}", Matcher.quoteReplacement(shown));
        }
        return text;
    }

    @Override
    public String toString() {
        return ShLib.displayStr(shape.getShapeNode()) + " " + constraint;
    }

    /** Names jena-shacl binds besides {@code $this}; a query that reads one is left to jena-shacl. */
    static final Pattern OTHER_PRE_BOUND = Pattern.compile("[?$](currentShape|shapesGraph|PATH)\\b");
}
