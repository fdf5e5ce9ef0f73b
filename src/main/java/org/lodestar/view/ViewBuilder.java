package org.lodestar.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Runs the view's queries for one focus, inside the caller's read transaction, and assembles the
 * {@link EntityView}. Where the neighbours come from depends on how many there are:
 * <ul>
 *   <li>no more than a page in all (most entities): neighbours.rq ranks every group in one query;</li>
 *   <li>a hub (the build stored the first page of each of its groups): stored_neighbours.rq reads
 *       them, when the first page at the default size is asked for;</li>
 *   <li>any other page of a hub: neighbour_groups.rq for the counts, then ranked_group_members.rq
 *       for each group shown.</li>
 * </ul>
 * Then one query for the assertions behind all the members shown, one that ranks the similar
 * entities and one for the identifiers and types of those on the page. The views of entities with
 * more than {@link StoredViews#MIN_DEGREE} typed edges are stored whole ({@link StoredViews}) and read back instead, when asked for as stored.
 */
final class ViewBuilder {
    private static final Var FOCUS = Var.alloc("focus"), CLASS = Var.alloc("class"),
            THRESHOLD = Var.alloc("threshold"), MEMBER = Var.alloc("member"), EDGE = Var.alloc("edge"),
            SHOW_IMPORTED = Var.alloc("showImported"), SHOW_COMPUTED = Var.alloc("showComputed"), VIEW_CODE = Var.alloc("viewCode");

    private final DatasetGraph dataset;
    private final EntityIds ids;

    ViewBuilder(DatasetGraph dataset, EntityIds ids) {
        this.dataset = dataset;
        this.ids = ids;
    }

    Optional<EntityView> build(Node focus, String slug, ViewOptions options) {
        List<Binding> header = exec(ViewQuery.ENTITY_HEADER.query(), Binding.builder().add(FOCUS, focus)
                .add(VIEW_CODE, StoredViews.CODE_LITERAL).build());
        if (header.isEmpty())
            return Optional.empty();
        Binding h = header.get(0);
        if (Rows.bool(h, "viewStored") && StoredViews.serves(options)) {
            List<Binding> stored = exec(ViewQuery.STORED_VIEW.query(), similarParameters(focus, options));
            if (!stored.isEmpty())
                return Optional.of(StoredViews.read(Rows.text(stored.get(0), "data"), options));
        }
        String seedPage = Rows.iri(h, "page");
        boolean hub = Rows.bool(h, "ranked");
        List<NeighbourGroup> shown = new ArrayList<>();
        List<List<Binding>> pages = new ArrayList<>();
        for (NeighbourGroup g : GroupOrder.arrange(neighbourGroups(focus, hub, options), NeighbourGroup::pageLine))
            if (options.showsGroup(g.typeKey())) {
                shown.add(g);
                pages.add(pageOf(focus, g, hub, options));
            }
        Map<String, List<Members.Assertion>> assertions = Members.byMember(assertions(focus, pages.stream().flatMap(List::stream).toList()));
        List<EntityView.Group> groups = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            NeighbourGroup g = shown.get(i);
            List<EntityView.Member> members = pages.get(i).isEmpty() ? List.of() : Members.read(pages.get(i), assertions, seedPage);
            groups.add(new EntityView.Group(g.typeKey(), g.heading(), g.count(), options.page(), options.pageSize(), members));
        }
        EntityView.Similar similar = options.showsSimilarity() ? similar(focus, Rows.bool(h, "similarRanked"), options) : null;
        return Optional.of(new EntityView(focus.getURI(), Rows.text(h, "id"), Rows.text(h, "typeKey"), slug,
                Rows.text(h, "status"), Rows.text(h, "label"), Rows.text(h, "description"), seedPage,
                List.copyOf(groups), similar, options));
    }

    /** The groups, in the ontology's view order, each with its ranked members as far as they were read. */
    private List<NeighbourGroup> neighbourGroups(Node focus, boolean hub, ViewOptions options) {
        if (!hub)
            return NeighbourGroup.fromAllNeighbours(select(ViewQuery.NEIGHBOURS.query(), FOCUS, focus));
        if (storedPageServes(options))
            return NeighbourGroup.fromStored(select(ViewQuery.STORED_NEIGHBOURS.query(), FOCUS, focus));
        List<NeighbourGroup> groups = new ArrayList<>();
        for (Binding g : select(ViewQuery.NEIGHBOUR_GROUPS.query(), FOCUS, focus))
            groups.add(new NeighbourGroup(Rows.node(g, "class"), Rows.text(g, "typeKey"), Rows.text(g, "heading"),
                    Rows.integer(g, "count"), Rows.optionalInteger(g, "pageLine"), List.of()));
        return groups;
    }

    /** The stored rows are the first {@link HubNeighbourhoods#STORED} of each group. */
    private static boolean storedPageServes(ViewOptions options) {
        return options.page() == 1 && options.pageSize() <= HubNeighbourhoods.STORED;
    }

    private List<Binding> pageOf(Node focus, NeighbourGroup g, boolean hub, ViewOptions options) {
        if (!hub || storedPageServes(options))
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
        q.setValuesDataBlock(List.of(MEMBER, EDGE), List.copyOf(values.values()));
        return select(q, FOCUS, focus);
    }

    /**
     * The similarity section: stored by the build for an entity that many links name (the header
     * says whether there is one), when this view asks for what was stored (its threshold and kinds
     * of link, no more than a page); ranked now otherwise.
     */
    private EntityView.Similar similar(Node focus, boolean stored, ViewOptions options) {
        if (stored && options.pageSize() <= HubSimilarity.STORED) {
            List<Binding> rows = exec(ViewQuery.STORED_SIMILAR.query(), similarParameters(focus, options));
            if (!rows.isEmpty())
                return Similarity.read(rows, Rows.integer(rows.get(0), "count"), options, ids::rows);
        }
        return Similarity.read(similarRows(dataset, focus, options), options, ids::rows);
    }

    /** similar_entities.rq for the focus and the view's threshold and kinds of link, ranked. */
    static List<Binding> similarRows(DatasetGraph dataset, Node focus, ViewOptions options) {
        return ViewQuery.rows(dataset, ViewQuery.SIMILAR_ENTITIES.query(), similarParameters(focus, options));
    }

    private static Binding similarParameters(Node focus, ViewOptions options) {
        return Binding.builder().add(FOCUS, focus).add(THRESHOLD, HubSimilarity.threshold(options))
                .add(SHOW_IMPORTED, NodeValue.makeBoolean(options.imported()).asNode())
                .add(SHOW_COMPUTED, NodeValue.makeBoolean(options.computed()).asNode()).build();
    }

    private List<Binding> select(Query query, Var var, Node value) {
        return exec(query, BindingFactory.binding(var, value));
    }

    private List<Binding> exec(Query query, Binding substitution) {
        return ViewQuery.rows(dataset, query, substitution);
    }
}
