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
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;

/**
 * Ranks at build time the similarity sections of the entities that many similarity links name. A
 * view ranks every link that names its focus, and a hub is named by thousands (seed pages list it
 * as similar, and the model pairs it with many); so the build stores the first page of such a
 * section (a kg:RankedSimilarity with the count of all its entities, and one kg:RankedSimilar per
 * link of the entities on that page), for the threshold and kinds of link the server shows by
 * default. The rows are those similar_entities.rq gives, so a stored section and a computed one are
 * the same section; a view asked for another threshold computes its own.
 */
public final class HubSimilarity {
    /** Entities stored per section: the default page. */
    public static final int STORED = ViewOptions.DEFAULT_PAGE_SIZE;
    /** An entity named by more links than this has its section stored. */
    public static final int MIN_LINKS = 2 * STORED;

    private HubSimilarity() {}

    /**
     * The stored sections of every entity named by more than {@link #MIN_LINKS} links, as triples
     * for the derived graph. Reads the dataset, with its similarity links; the caller holds a transaction.
     */
    public static Graph rank(DatasetGraph dataset, Uris uris, ViewOptions options) {
        Graph out = GraphFactory.createDefaultGraph();
        out.add(Triple.create(uris.derivedGraph(), KG.rankedSimilarityMinimum, HubNeighbourhoods.integer(MIN_LINKS)));
        Binding min = BindingFactory.binding(Var.alloc("minLinks"), HubNeighbourhoods.integer(MIN_LINKS));
        for (Binding hub : ViewQuery.rows(dataset, ViewQuery.SIMILARITY_HUBS.query(), min)) {
            Node focus = hub.get(Var.alloc("focus"));
            List<Binding> rows = ViewBuilder.similarRows(dataset, focus, options);
            if (!rows.isEmpty())
                write(out, uris.rankedSimilarity(focus), focus, options, rows);
        }
        return out;
    }

    private static void write(Graph out, Node section, Node focus, ViewOptions options, List<Binding> rows) {
        out.add(Triple.create(section, RDF.type.asNode(), KG.RankedSimilarity));
        out.add(Triple.create(section, KG.similarityOf, focus));
        madeFor(out, section, options);
        var byEntity = Similarity.byEntity(rows);
        out.add(Triple.create(section, KG.similarCount, HubNeighbourhoods.integer(byEntity.size())));
        int rank = 0;
        for (List<Binding> links : byEntity.values().stream().limit(STORED).toList())
            for (Binding link : links) {
                rank++;
                Node row = NodeFactory.createURI(section.getURI() + "/" + rank);
                out.add(Triple.create(row, RDF.type.asNode(), KG.RankedSimilar));
                out.add(Triple.create(row, KG.inRankedSimilarity, section));
                out.add(Triple.create(row, KG.similarRank, HubNeighbourhoods.integer(rank)));
                out.add(Triple.create(row, KG.viaLink, Rows.node(link, "link")));
                out.add(Triple.create(row, KG.similarEntity, Rows.node(link, "other")));
            }
    }

    /**
     * The threshold and kinds of link that something stored at build time was made for (a section
     * here, a whole view in {@link StoredViews}), as the queries that read it back match them.
     */
    static void madeFor(Graph out, Node stored, ViewOptions options) {
        out.add(Triple.create(stored, KG.forThreshold, threshold(options)));
        out.add(Triple.create(stored, KG.withImported, NodeValue.makeBoolean(options.imported()).asNode()));
        out.add(Triple.create(stored, KG.withComputed, NodeValue.makeBoolean(options.computed()).asNode()));
    }

    /** The threshold as the queries take it, one way of writing each number: 0.650 is the 0.65 stored. */
    static Node threshold(ViewOptions options) {
        return NodeFactory.createLiteralDT(options.threshold().stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
    }
}
