package org.lodestar.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only dataset over another store's SPARQL 1.1 query endpoint, so that the code written for
 * the embedded TDB2 reads a remote store unchanged: a query run on it is sent whole to the store
 * ({@link RemoteQueryEngine}), and a lookup ({@code find}) is one small SELECT with its terms bound.
 *
 * <p>The store's default graph is read as the union of the Lodestar graphs: it is where a load of
 * {@code /dump/lodestar.nt.gz} puts every triple, and what Virtuoso (without {@code FROM}) and a
 * Fuseki with {@code tdb2:unionDefaultGraph} answer from when the graphs are loaded one by one. So
 * {@code find} over any graph reads the default graph; a named graph is asked for by name only
 * when it is named. Transactions are no-ops: the store answers each query from its own snapshot.
 */
public final class RemoteDataset extends DatasetGraphBaseFind {
    static {
        RemoteQueryEngine.register();
    }

    private static final Query FIND = QueryFactory.create("SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
    private static final Query FIND_NAMED = QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query GRAPHS = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Var G = Var.alloc("g"), S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");

    private final RemoteEndpoint endpoint;
    private final Transactional txn = TransactionalNull.create();
    private final Context context = Context.create();
    private final Graph union = new RemoteGraph();

    public RemoteDataset(RemoteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public RemoteEndpoint endpoint() { return endpoint; }

    /** The rows of {@code query} on the store, with {@code substitution} bound. */
    public List<Binding> select(Query query, Binding substitution) {
        List<Binding> rows = new ArrayList<>();
        endpoint.select(query, substitution).forEachRemaining(rows::add);
        return rows;
    }

    private List<Triple> triples(Node s, Node p, Node o) {
        List<Triple> found = new ArrayList<>();
        for (Binding b : select(FIND, bind(null, s, p, o)))
            found.add(Triple.create(b.get(S), b.get(P), b.get(O)));
        return found;
    }

    private Iterator<Quad> quads(Node g, Node s, Node p, Node o) {
        List<Quad> found = new ArrayList<>();
        for (Binding b : select(FIND_NAMED, bind(g, s, p, o)))
            found.add(Quad.create(b.get(G), b.get(S), b.get(P), b.get(O)));
        return found.iterator();
    }

    private static Binding bind(Node g, Node s, Node p, Node o) {
        BindingBuilder b = Binding.builder();
        if (g != null && g.isConcrete()) b.add(G, g);
        if (s != null && s.isConcrete()) b.add(S, s);
        if (p != null && p.isConcrete()) b.add(P, p);
        if (o != null && o.isConcrete()) b.add(O, o);
        return b.build();
    }

    private Iterator<Quad> asDefault(Node s, Node p, Node o) {
        return triples(s, p, o).stream().map(t -> Quad.create(Quad.defaultGraphIRI, t)).iterator();
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) { return asDefault(s, p, o); }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return Quad.isUnionGraph(g) || Quad.isDefaultGraph(g) ? asDefault(s, p, o) : quads(g, s, p, o);
    }

    /** Any graph is the default graph, the union (see the class comment). */
    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) { return asDefault(s, p, o); }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return g == null || !g.isConcrete() ? asDefault(s, p, o) : findInSpecificNamedGraph(g, s, p, o);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) { return find(g, s, p, o); }

    @Override
    public Graph getDefaultGraph() { return union; }

    @Override
    public Graph getUnionGraph() { return union; }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isUnionGraph(graphNode) || Quad.isDefaultGraph(graphNode))
            return union;
        // A named graph is small (one seed page): read whole when asked for by name.
        Graph g = GraphFactory.createDefaultGraph();
        quads(graphNode, null, null, null).forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return select(GRAPHS, null).stream().map(b -> b.get(G)).iterator();
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return quads(graphNode, null, null, null).hasNext();
    }

    @Override
    public void addGraph(Node graphName, Graph graph) { throw readOnly(); }

    @Override
    public void removeGraph(Node graphName) { throw readOnly(); }

    @Override
    public void add(Quad quad) { throw readOnly(); }

    @Override
    public void delete(Quad quad) { throw readOnly(); }

    private UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the remote store " + endpoint + " is read only here");
    }

    @Override
    public Context getContext() { return context; }

    @Override
    public org.apache.jena.riot.system.PrefixMap prefixes() { return prefixes; }

    private final org.apache.jena.riot.system.PrefixMap prefixes = org.apache.jena.riot.system.PrefixMapFactory.create();

    @Override
    public boolean supportsTransactions() { return true; }

    @Override
    public void begin(TxnType type) { txn.begin(type); }

    @Override
    public void begin(ReadWrite mode) { txn.begin(mode); }

    @Override
    public boolean promote(Promote mode) { return false; }

    @Override
    public void commit() { txn.commit(); }

    @Override
    public void abort() { txn.abort(); }

    @Override
    public void end() { txn.end(); }

    @Override
    public ReadWrite transactionMode() { return txn.transactionMode(); }

    @Override
    public TxnType transactionType() { return txn.transactionType(); }

    @Override
    public boolean isInTransaction() { return txn.isInTransaction(); }

    @Override
    public void close() {}

    @Override
    public String toString() { return "SPARQL store at " + endpoint; }

    /** The default graph (the union): each find is one SELECT. */
    private final class RemoteGraph extends GraphBase {
        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple t) {
            return WrappedIterator.create(triples(t.getSubject(), t.getPredicate(), t.getObject()).iterator());
        }
    }
}
