package org.lodestar.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.KG;
import org.lodestar.store.RemoteDataset;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Index lookups for {@link EntityDocument}, over the union of the named graphs: the graph that
 * SPARQL queries see as their default graph ({@code KnowledgeStore} sets TDB2's union default
 * graph), so a lookup here finds what a query pattern would, each triple once however many graphs
 * hold it. Callers hold a read transaction.
 *
 * <p>Why not SPARQL: a description is a few hundred lookups, each keyed by a node already known
 * (the entity, an edge, a link). Written as one query per edge or link, each paid for a parse, a
 * plan and an execution (~1 s for a hub at 20,000 entities); straight from the indexes they take
 * microseconds.
 *
 * <p>Why TDB2's quad table rather than {@code getUnionGraph().find}: every page that mentions an
 * entity repeats its type, label and identifier in its own graph, so {@code <e> rdfs:label ?l}
 * matches one quad per mentioning page (about a hundred on average at 20,000 entities, thousands
 * for a hub). The union graph turns each quad into nodes before dropping the duplicates; here the
 * duplicates are dropped as node ids and only what remains is turned into nodes (~8 times faster).
 * Any other store is read through its union graph.
 */
final class DocLookup {
    /** TDB2's quads (graph, subject, predicate, object) and its node table; null for another store. */
    private final NodeTupleTable quads;
    private final NodeTable nodes;
    private final Graph union;

    /** Over a graph read ahead ({@link #forDescription}). */
    private DocLookup(Graph graph) {
        this.quads = null;
        this.nodes = null;
        this.union = graph;
    }

    /**
     * The lookups for the description of {@code entity}. Over a remote store each lookup would be
     * a round trip (some 360 for a small description); there, what the description reads is asked
     * for in one query first ({@code description-scope.rq}) and looked up in memory.
     */
    static DocLookup forDescription(DatasetGraph dataset, Node entity) {
        if (!(dataset instanceof RemoteDataset))
            return new DocLookup(dataset);
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("description-scope")).substitution("entity", entity).build()) {
            return new DocLookup(qe.construct());
        }
    }

    DocLookup(DatasetGraph dataset) {
        boolean tdb2 = TDBInternal.isTDB2(dataset);
        this.quads = tdb2 ? TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable() : null;
        this.nodes = tdb2 ? quads.getNodeTable() : null;
        this.union = tdb2 ? null : dataset.getUnionGraph();
    }

    /** The triples of the union graph that match ({@code Node.ANY} for any), each once. */
    void find(Node s, Node p, Node o, Consumer<Triple> action) {
        if (quads == null) {
            union.find(s, p, o).forEachRemaining(action);
            return;
        }
        record Ids(NodeId s, NodeId p, NodeId o) {}
        Set<Ids> seen = new HashSet<>();
        Iterator<Tuple<NodeId>> matches = quads.findAsNodeIds(Node.ANY, s, p, o); // empty when a node is not in the store
        while (matches.hasNext()) {
            Tuple<NodeId> q = matches.next();
            if (seen.add(new Ids(q.get(1), q.get(2), q.get(3))))
                action.accept(Triple.create(s.isConcrete() ? s : nodes.getNodeForNodeId(q.get(1)),
                        p.isConcrete() ? p : nodes.getNodeForNodeId(q.get(2)), o.isConcrete() ? o : nodes.getNodeForNodeId(q.get(3))));
        }
    }

    /** The objects of {@code s p ?o}, each once. */
    List<Node> objects(Node s, Node p) {
        List<Node> found = new ArrayList<>();
        find(s, p, Node.ANY, t -> found.add(t.getObject()));
        return found;
    }

    /** The subjects of {@code ?s p o}, each once. */
    List<Node> subjects(Node p, Node o) {
        List<Node> found = new ArrayList<>();
        find(Node.ANY, p, o, t -> found.add(t.getSubject()));
        return found;
    }

    /** The objects of those {@code triples} whose predicate is {@code predicate}, in order. */
    static List<Node> objects(List<Triple> triples, Node predicate) {
        return triples.stream().filter(t -> t.getPredicate().equals(predicate)).map(Triple::getObject).toList();
    }

    /** Is there a triple matching {@code s p o} ({@code Node.ANY} for any)? */
    boolean contains(Node s, Node p, Node o) {
        return quads == null ? union.contains(s, p, o) : quads.findAsNodeIds(Node.ANY, s, p, o).hasNext();
    }

    /** The triples whose subject is {@code s}. */
    List<Triple> about(Node s) {
        List<Triple> found = new ArrayList<>();
        find(s, Node.ANY, Node.ANY, found::add);
        return found;
    }

    /**
     * Adds the class(es), label(s) and identifier(s) of {@code node}, so a client can show it without
     * another request; only when it has all three, like the inner join of
     * {@code ?n a ?class ; rdfs:label ?label ; dcterms:identifier ?id} would. Literals have none.
     */
    void addSummary(Node node, Graph into) {
        if (node.isLiteral())
            return;
        List<Node> ids, classes, labels;
        if (quads == null) {
            ids = objects(node, KG.identifier);
            classes = objects(node, RDF.type.asNode());
            labels = objects(node, RDFS.label.asNode());
        } else {
            ids = new ArrayList<>();
            classes = new ArrayList<>();
            labels = new ArrayList<>();
            summaryFromOneGraph(node, ids, classes, labels);
        }
        if (ids.isEmpty() || classes.isEmpty() || labels.isEmpty())
            return;
        ids.forEach(id -> into.add(node, KG.identifier, id));
        classes.forEach(c -> into.add(node, RDF.type.asNode(), c));
        labels.forEach(l -> into.add(node, RDFS.label.asNode(), l));
    }

    /**
     * Reads the summary from the first graph that types the node. Only pages type entities, and
     * every page that mentions an entity gives it the same class, label and identifier (identity is
     * settled across all pages before any is converted), so one page's copy is the union's: one
     * short range of the graph-first index instead of three ranges with a quad for every
     * mentioning page (thousands for a hub).
     */
    private void summaryFromOneGraph(Node node, List<Node> ids, List<Node> classes, List<Node> labels) {
        Iterator<Tuple<NodeId>> typed = quads.findAsNodeIds(Node.ANY, node, RDF.type.asNode(), Node.ANY);
        if (!typed.hasNext())
            return;
        Tuple<NodeId> first = typed.next();
        NodeId identifier = nodes.getNodeIdForNode(KG.identifier), type = nodes.getNodeIdForNode(RDF.type.asNode()),
                label = nodes.getNodeIdForNode(RDFS.label.asNode());
        Iterator<Tuple<NodeId>> about = quads.find(first.get(0), first.get(1), NodeId.NodeIdAny, NodeId.NodeIdAny);
        while (about.hasNext()) {
            Tuple<NodeId> q = about.next();
            NodeId p = q.get(2);
            List<Node> into = p.equals(identifier) ? ids : p.equals(type) ? classes : p.equals(label) ? labels : null;
            if (into != null)
                into.add(nodes.getNodeForNodeId(q.get(3)));
        }
    }

    /**
     * SPARQL's {@code ORDER BY} order of two terms, with null for an unbound value: Jena's own
     * comparison, so paging and ranking stay what the queries they replace gave. Unbound sorts
     * first, so under {@code DESC} it sorts last.
     */
    static int sparqlOrder(Node a, Node b) {
        return BindingComparator.compareNodesRaw(a == null ? null : NodeValue.makeNode(a), b == null ? null : NodeValue.makeNode(b));
    }
}
