package org.lodestar.validate;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * Whether a SPARQL constraint's SELECT, run once with {@code ?this} free, gives for each focus node
 * f exactly the rows that jena-shacl's run with {@code $this} bound to f gives: those whose
 * {@code ?this} is f.
 *
 * <p>That holds when every solution of the WHERE clause binds {@code ?this} through a triple
 * pattern before anything else reads it. Then binding it first only selects solutions: filters
 * (EXISTS included) see the same {@code ?this} either way, because SPARQL applies a group's filters
 * to its whole solutions. So the WHERE clause must be a group of triple patterns, FILTERs, VALUES
 * without {@code ?this}, BINDs after {@code ?this} is bound, and UNIONs each of whose branches is
 * such a group, with at least one plain triple pattern (or such a UNION) mentioning {@code ?this}. The
 * query itself must project {@code ?this} by name (jena-shacl's rows then have the same variables
 * in the same order), and have no grouping, aggregate, LIMIT, OFFSET or trailing VALUES, each of
 * which would act on the rows of all focus nodes at once. Anything else is left to jena-shacl.
 */
final class ThisBoundByPattern {
    private static final Var THIS = Var.alloc("this");

    private ThisBoundByPattern() {}

    static boolean test(Query query) {
        if (!query.isSelectType() || query.isQueryResultStar() || !query.getProjectVars().contains(THIS))
            return false;
        if (query.hasGroupBy() || query.hasAggregators() || query.hasHaving() || query.hasLimit() || query.hasOffset()
                || query.hasValues() || !query.getProject().getExprs().isEmpty())
            return false;
        if (WholeGraphSparql.OTHER_PRE_BOUND.matcher(query.toString()).find())
            return false;
        return bindsThis(query.getQueryPattern());
    }

    /** The element is a group as described above whose every solution binds {@code ?this}. */
    private static boolean bindsThis(Element element) {
        if (!(element instanceof ElementGroup group))
            return false;
        boolean bound = false;
        for (Element e : group.getElements()) {
            if (e instanceof ElementPathBlock block)
                bound |= mentionsThis(block.getPattern().getList());
            else if (e instanceof ElementTriplesBlock block)
                bound |= block.getPattern().getList().stream().anyMatch(t -> isThis(t.getSubject()) || isThis(t.getPredicate()) || isThis(t.getObject()));
            else if (e instanceof ElementUnion union) {
                if (!union.getElements().stream().allMatch(ThisBoundByPattern::bindsThis))
                    return false;
                bound = true;
            } else if (e instanceof ElementBind bind) {
                if (!bound || bind.getVar().equals(THIS))
                    return false;
            } else if (e instanceof ElementData data) {
                if (data.getVars().contains(THIS))
                    return false;
            } else if (!(e instanceof ElementFilter))
                return false;
        }
        return bound;
    }

    /**
     * A plain triple pattern, not a path: it binds {@code ?this} to a node of the graph, where a
     * zero-length path with {@code ?this} free would range over every node, and one bound to a
     * focus node outside the graph (an {@code sh:targetNode}) would still match.
     */
    private static boolean mentionsThis(List<TriplePath> patterns) {
        return patterns.stream().filter(TriplePath::isTriple)
                .anyMatch(t -> isThis(t.getSubject()) || isThis(t.getPredicate()) || isThis(t.getObject()));
    }

    private static boolean isThis(Node node) {
        return THIS.equals(node);
    }
}
