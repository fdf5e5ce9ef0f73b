package org.lodestar.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Runs the view's queries for one focus, inside the caller's read transaction, and assembles the
 * {@link EntityView}. Every view is ranked now from the focus's own edges, whatever its size:
 * <ul>
 *   <li>the first page of every group (what a view shows unless asked for another page):
 *       neighbours.rq ranks every group in one query;</li>
 *   <li>any other page: neighbour_groups.rq for the counts, then ranked_group_members.rq for the
 *       page of each group shown.</li>
 * </ul>
 * Then one query for the assertions behind all the members shown, one that ranks the similar
 * entities (similar_entities.rq) and one for the identifiers and types of those on the page.
 * Nothing is read from rankings made ahead: whatever is kept for speed lives beside the database
 * ({@link StoredViews}) and is made by this class.
 */
final class ViewBuilder {
    private static final Var FOCUS = Var.alloc("focus"), CLASS = Var.alloc("class"),
            THRESHOLD = Var.alloc("threshold"), MEMBER = Var.alloc("member"), EDGE = Var.alloc("edge"),
            SHOW_IMPORTED = Var.alloc("showImported"), SHOW_COMPUTED = Var.alloc("showComputed");

    private final DatasetGraph dataset;
    private final EntityIds ids;

    ViewBuilder(DatasetGraph dataset, EntityIds ids) {
        this.dataset = dataset;
        this.ids = ids;
    }

    Optional<EntityView> build(Node focus, String slug, ViewOptions options) {
        List<Binding> header = select(ViewQuery.ENTITY_HEADER.query(), FOCUS, focus);
        if (header.isEmpty())
            return Optional.empty();
        Binding h = header.get(0);
        String seedPage = Rows.iri(h, "page");
        List<NeighbourGroup> shown = new ArrayList<>();
        List<List<Binding>> pages = new ArrayList<>();
        for (NeighbourGroup g : GroupOrder.arrange(neighbourGroups(focus, options), NeighbourGroup::pageLine))
            if (options.showsGroup(g.typeKey())) {
                shown.add(g);
                pages.add(pageOf(focus, g, options));
            }
        Map<String, List<Members.Assertion>> assertions = Members.byMember(assertions(focus, pages.stream().flatMap(List::stream).toList()));
        List<EntityView.Group> groups = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            NeighbourGroup g = shown.get(i);
            List<EntityView.Member> members = pages.get(i).isEmpty() ? List.of() : Members.read(pages.get(i), assertions, seedPage);
            groups.add(new EntityView.Group(g.typeKey(), g.heading(), g.count(), options.page(), options.pageSize(), members));
        }
        EntityView.Similar similar = options.showsSimilarity()
                ? Similarity.read(similarRows(dataset, focus, options), options, ids::rows) : null;
        return Optional.of(new EntityView(focus.getURI(), Rows.text(h, "id"), Rows.text(h, "typeKey"), slug,
                Rows.text(h, "status"), Rows.text(h, "label"), Rows.text(h, "description"), seedPage,
                List.copyOf(groups), similar, options));
    }

    /**
     * The groups, in the ontology's view order: on the first page with every member ranked (one
     * query, and each group's page is a slice of it), on a later page with their counts only.
     */
    private List<NeighbourGroup> neighbourGroups(Node focus, ViewOptions options) {
        if (firstPage(options))
            return NeighbourGroup.fromAllNeighbours(select(ViewQuery.NEIGHBOURS.query(), FOCUS, focus));
        List<NeighbourGroup> groups = new ArrayList<>();
        for (Binding g : select(ViewQuery.NEIGHBOUR_GROUPS.query(), FOCUS, focus))
            groups.add(new NeighbourGroup(Rows.node(g, "class"), Rows.text(g, "typeKey"), Rows.text(g, "heading"),
                    Rows.integer(g, "count"), Rows.optionalInteger(g, "pageLine"), List.of()));
        return groups;
    }

    private static boolean firstPage(ViewOptions options) {
        return options.page() == 1;
    }

    private List<Binding> pageOf(Node focus, NeighbourGroup g, ViewOptions options) {
        if (firstPage(options))
            return g.page(options.page(), options.pageSize());
        Query ranked = ViewQuery.RANKED_GROUP_MEMBERS.query();
        ranked.setLimit(options.pageSize());
        ranked.setOffset((long) (options.page() - 1) * options.pageSize());
        return exec(ranked, Binding.builder().add(FOCUS, focus).add(CLASS, g.cls()).build());
    }

    /** The assertions behind the members shown: each member's edges go in as a VALUES block. */
    private List<Binding> assertions(Node focus, List<Binding> memberRows) {
        if (memberRows.isEmpty())
            return List.of();
        Query q = ViewQuery.MEMBER_ASSERTIONS.query();
        // A member of two groups (an entity of two classes) is asked for once.
        Map<String, Binding> values = new LinkedHashMap<>();
        for (Binding r : memberRows)
            for (String edge : Rows.text(r, "edges").split(" "))
                values.putIfAbsent(Rows.iri(r, "member") + " " + edge,
                        Binding.builder().add(MEMBER, r.get(MEMBER)).add(EDGE, NodeFactory.createURI(edge)).build());
        // The VALUES block goes first inside the WHERE clause, not after it: the same join, and
        // Virtuoso 7 ignores a VALUES block that trails the query.
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementData(List.of(MEMBER, EDGE), List.copyOf(values.values())));
        where.addElement(q.getQueryPattern());
        q.setQueryPattern(where);
        return select(q, FOCUS, focus);
    }

    /** similar_entities.rq for the focus and the view's threshold and kinds of link, ranked. */
    static List<Binding> similarRows(DatasetGraph dataset, Node focus, ViewOptions options) {
        return ViewQuery.rows(dataset, ViewQuery.SIMILAR_ENTITIES.query(), similarParameters(focus, options));
    }

    private static Binding similarParameters(Node focus, ViewOptions options) {
        return Binding.builder().add(FOCUS, focus).add(THRESHOLD, threshold(options))
                .add(SHOW_IMPORTED, NodeValue.makeBoolean(options.imported()).asNode())
                .add(SHOW_COMPUTED, NodeValue.makeBoolean(options.computed()).asNode()).build();
    }

    /** The threshold as the query takes it, one way of writing each number: 0.650 is 0.65. */
    static Node threshold(ViewOptions options) {
        return NodeFactory.createLiteralDT(options.threshold().stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
    }

    private List<Binding> select(Query query, Var var, Node value) {
        return exec(query, BindingFactory.binding(var, value));
    }

    private List<Binding> exec(Query query, Binding substitution) {
        return ViewQuery.rows(dataset, query, substitution);
    }
}
