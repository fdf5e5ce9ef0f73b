package org.lodestar.view;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;

/**
 * Ranks the neighbourhoods of hubs at build time. A hub (more neighbours than a page) would have
 * every neighbour ranked at each request; instead the build stores the first page of each of its
 * groups in the derived graph (a kg:RankedGroup with its count and first page line, and one
 * kg:RankedMember per place), which stored_neighbours.rq reads back. The ranking is the one the
 * view computes (neighbours.rq), so a stored page and a computed one are the same page.
 */
public final class HubNeighbourhoods {
    /** Members stored per group: the default page. */
    public static final int STORED = ViewOptions.DEFAULT_PAGE_SIZE;

    private HubNeighbourhoods() {}

    /**
     * The stored pages of every hub, as triples for the derived graph. Reads the dataset, which
     * must already hold the degrees the ranking uses; the caller holds a transaction.
     */
    public static Graph rank(DatasetGraph dataset, Uris uris) {
        Graph out = GraphFactory.createDefaultGraph();
        out.add(Triple.create(uris.derivedGraph(), KG.rankedPageSize, integer(STORED)));
        Binding size = BindingFactory.binding(Var.alloc("pageSize"), integer(STORED));
        for (Binding hub : ViewQuery.rows(dataset, ViewQuery.HUBS.query(), size)) {
            Node focus = hub.get(Var.alloc("focus"));
            List<Binding> rows = ViewQuery.rows(dataset, ViewQuery.NEIGHBOURS.query(), BindingFactory.binding(Var.alloc("focus"), focus));
            for (NeighbourGroup g : NeighbourGroup.fromAllNeighbours(rows))
                write(out, uris.rankedGroup(focus, g.typeKey()), focus, g);
        }
        return out;
    }

    private static void write(Graph out, Node group, Node focus, NeighbourGroup g) {
        out.add(Triple.create(group, RDF.type.asNode(), KG.RankedGroup));
        out.add(Triple.create(group, KG.rankedFocus, focus));
        out.add(Triple.create(group, KG.groupClass, g.cls()));
        out.add(Triple.create(group, KG.memberCount, integer(g.count())));
        if (g.pageLine() != null)
            out.add(Triple.create(group, KG.pageLine, integer(g.pageLine())));
        List<Binding> page = g.page(1, STORED);
        for (int i = 0; i < page.size(); i++) {
            Binding r = page.get(i);
            Node row = NodeFactory.createURI(group.getURI() + "/" + (i + 1));
            out.add(Triple.create(row, RDF.type.asNode(), KG.RankedMember));
            out.add(Triple.create(row, KG.inRankedGroup, group));
            out.add(Triple.create(row, KG.rank, integer(i + 1)));
            out.add(Triple.create(row, KG.rankedEntity, Rows.node(r, "member")));
            out.add(Triple.create(row, KG.edgeCount, integer(Rows.integer(r, "edgeCount"))));
            Integer position = Rows.optionalInteger(r, "position");
            if (position != null)
                out.add(Triple.create(row, KG.pagePosition, integer(position)));
            for (String edge : Rows.text(r, "edges").split(" "))
                out.add(Triple.create(row, KG.viaEdge, NodeFactory.createURI(edge)));
        }
    }

    static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }
}
