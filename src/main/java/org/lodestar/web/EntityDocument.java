package org.lodestar.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.rdf.Uris;

/**
 * The description of one entity that {@code /doc/{type}/{slug}} serves, built from the
 * {@code doc-*.rq} queries: the entity's own triples, its outgoing qualified edges with their
 * assertions, one page of its incoming typed edges (backlinks), its similarity links, the class
 * and label of every entity these mention, and metadata about the document itself. Callers hold
 * a read transaction.
 */
final class EntityDocument {
    /** Backlinks per page: a hub's description stays small; the rest is a next-page link away. */
    static final int PAGE_SIZE = 100;
    /** The licence the data is published under (named on every document and in the VoID). */
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    static final Node FOAF_DOCUMENT = NodeFactory.createURI("http://xmlns.com/foaf/0.1/Document");
    static final Node PRIMARY_TOPIC = NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic");
    static final Node IN_DATASET = NodeFactory.createURI("http://rdfs.org/ns/void#inDataset");
    static final Node NEXT = NodeFactory.createURI("http://www.w3.org/1999/xhtml/vocab#next");

    /** @param page 1-based page of backlinks; @param hasNext whether another page follows */
    record Description(Graph graph, Node document, int page, boolean hasNext) {}

    private final DatasetGraph dataset;
    private final Uris uris;

    EntityDocument(DatasetGraph dataset, Uris uris) {
        this.dataset = dataset;
        this.uris = uris;
    }

    Node entity(EntityPath p) { return uris.entity(p.typeKey(), p.slug()); }

    boolean exists(Node entity) {
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get("doc-exists")).substitution("entity", entity).build()) {
            return qe.ask();
        }
    }

    /** The entity a former URI now names, if it is one. */
    Optional<Node> replacement(Node former) {
        List<Node> current = select(Queries.get("doc-replaced"), "former", former, "current");
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(0));
    }

    /** @param page 1-based page of backlinks */
    Description describe(EntityPath p, int page, Instant modified) {
        Node entity = entity(p);
        Graph g = GraphFactory.createDefaultGraph();
        construct("doc-entity", "entity", entity, g);
        for (Node edge : select(Queries.get("doc-outgoing"), "entity", entity, "edge"))
            construct("doc-edge", "edge", edge, g);
        Query backlinks = Queries.get("doc-backlinks").cloneQuery();
        backlinks.setLimit(PAGE_SIZE + 1);
        backlinks.setOffset((long) (page - 1) * PAGE_SIZE);
        List<Node> incoming = select(backlinks, "entity", entity, "edge");
        boolean hasNext = incoming.size() > PAGE_SIZE;
        incoming.stream().limit(PAGE_SIZE).forEach(edge -> construct("doc-edge", "edge", edge, g));
        for (Node link : select(Queries.get("doc-similar"), "entity", entity, "link"))
            construct("doc-similarity-link", "link", link, g);
        Node doc = document(p, page);
        g.add(doc, RDF.type.asNode(), FOAF_DOCUMENT);
        g.add(doc, PRIMARY_TOPIC, entity);
        g.add(doc, DCTerms.license.asNode(), NodeFactory.createURI(LICENSE));
        g.add(doc, IN_DATASET, VoidServlet.dataset(uris));
        g.add(doc, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(modified.toString(), XSDDatatype.XSDdateTime));
        if (hasNext)
            g.add(doc, NEXT, document(p, page + 1));
        return new Description(g, doc, page, hasNext);
    }

    /** {base}doc/{type}/{slug}, with {@code ?page=n} past the first page. */
    Node document(EntityPath p, int page) {
        String doc = uris.base() + p.docPath().substring(1);
        return NodeFactory.createURI(page == 1 ? doc : doc + "?page=" + page);
    }

    private void construct(String query, String var, Node value, Graph into) {
        try (QueryExec qe = QueryExec.dataset(dataset).query(Queries.get(query)).substitution(var, value).build()) {
            qe.constructTriples().forEachRemaining(into::add);
        }
    }

    private List<Node> select(Query query, String var, Node value, String column) {
        try (QueryExec qe = QueryExec.dataset(dataset).query(query).substitution(var, value).build()) {
            List<Node> nodes = new java.util.ArrayList<>();
            qe.select().forEachRemaining(b -> nodes.add(b.get(column)));
            return nodes;
        }
    }
}
