package org.lodestar.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Runs the view's queries for one focus, inside the caller's read transaction, and assembles the
 * {@link EntityView}. One query for the header, one for the group counts, one per group shown for
 * its ranked page, one for the assertions behind that page's members, one for the similar entities.
 */
final class ViewBuilder {
    private static final Var FOCUS = Var.alloc("focus"), CLASS = Var.alloc("class"),
            THRESHOLD = Var.alloc("threshold"), MEMBER = Var.alloc("member"), EDGE = Var.alloc("edge"),
            SHOW_IMPORTED = Var.alloc("showImported"), SHOW_COMPUTED = Var.alloc("showComputed");

    private final DatasetGraph dataset;

    ViewBuilder(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    Optional<EntityView> build(Node focus, String slug, ViewOptions options) {
        List<Binding> header = select(ViewQuery.ENTITY_HEADER.query(), FOCUS, focus);
        if (header.isEmpty())
            return Optional.empty();
        Binding h = header.get(0);
        String seedPage = Rows.iri(h, "page");
        List<Binding> groupRows = GroupOrder.arrange(select(ViewQuery.NEIGHBOUR_GROUPS.query(), FOCUS, focus),
                g -> Rows.optionalInteger(g, "pageLine"));
        List<EntityView.Group> groups = new ArrayList<>();
        for (Binding g : groupRows)
            if (options.showsGroup(Rows.text(g, "typeKey")))
                groups.add(group(focus, seedPage, g, options));
        EntityView.Similar similar = options.showsSimilarity() ? Similarity.read(similarRows(focus, options), options) : null;
        return Optional.of(new EntityView(focus.getURI(), Rows.text(h, "id"), Rows.text(h, "typeKey"), slug,
                Rows.text(h, "status"), Rows.text(h, "label"), Rows.text(h, "description"), seedPage,
                List.copyOf(groups), similar, options));
    }

    private EntityView.Group group(Node focus, String seedPage, Binding g, ViewOptions options) {
        Query ranked = ViewQuery.RANKED_GROUP_MEMBERS.query();
        ranked.setLimit(options.pageSize());
        ranked.setOffset((long) (options.page() - 1) * options.pageSize());
        List<Binding> rows = exec(ranked, Binding.builder().add(FOCUS, focus).add(CLASS, g.get(CLASS)).build());
        List<EntityView.Member> members = rows.isEmpty() ? List.of() : Members.read(rows, assertions(focus, rows), seedPage);
        return new EntityView.Group(Rows.text(g, "typeKey"), Rows.text(g, "heading"), Rows.integer(g, "count"),
                options.page(), options.pageSize(), members);
    }

    /** The assertions behind one page of members: each member's edges go in as a VALUES block. */
    private List<Binding> assertions(Node focus, List<Binding> memberRows) {
        Query q = ViewQuery.MEMBER_ASSERTIONS.query();
        List<Binding> values = new ArrayList<>();
        for (Binding r : memberRows)
            for (String edge : Rows.text(r, "edges").split(" "))
                values.add(Binding.builder().add(MEMBER, r.get(MEMBER)).add(EDGE, NodeFactory.createURI(edge)).build());
        q.setValuesDataBlock(List.of(MEMBER, EDGE), values);
        return select(q, FOCUS, focus);
    }

    private List<Binding> similarRows(Node focus, ViewOptions options) {
        Node threshold = NodeFactory.createLiteralDT(options.threshold().toPlainString(), XSDDatatype.XSDdecimal);
        return exec(ViewQuery.SIMILAR_ENTITIES.query(), Binding.builder().add(FOCUS, focus).add(THRESHOLD, threshold)
                .add(SHOW_IMPORTED, NodeValue.makeBoolean(options.imported()).asNode())
                .add(SHOW_COMPUTED, NodeValue.makeBoolean(options.computed()).asNode()).build());
    }

    private List<Binding> select(Query query, Var var, Node value) {
        return exec(query, BindingFactory.binding(var, value));
    }

    private List<Binding> exec(Query query, Binding substitution) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).substitution(substitution).build()) {
            RowSet rows = exec.select();
            List<Binding> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            return all;
        }
    }
}
