package org.lodestar.view;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lodestar.ontology.KG;

/**
 * The rendered caches that earlier versions of Lodestar kept inside the derived graph (hubs' ranked
 * first pages, crowded similarity sections and whole views as JSON literals), recognised so that a
 * build on such a database derives the graph again without them. Their terms are no longer in the
 * ontology: views are ranked by SPARQL at request time, and what is kept for speed lives beside the
 * database ({@link StoredViews}).
 */
public final class LeftoverCaches {
    /** The JSON of an earlier stored view: most of such a derived graph's bytes. */
    public static final Node VIEW_DATA = KG.kg("viewData");
    /** One predicate each kind had on every resource of it. */
    private static final List<Node> MARKS = List.of(KG.kg("rankedFocus"), KG.kg("similarityOf"), KG.kg("viewOf"));

    private LeftoverCaches() {}

    /** Whether {@code derived} holds any of them; one index lookup per kind. The caller holds a transaction. */
    public static boolean in(Graph derived) {
        return MARKS.stream().anyMatch(p -> derived.contains(Node.ANY, p, Node.ANY));
    }
}
