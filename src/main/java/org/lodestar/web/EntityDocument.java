package org.lodestar.web;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeUtils;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;

/**
 * The description of one entity that {@code /doc/{type}/{slug}} serves:
 * <ul>
 * <li>every triple about the entity, from every graph (its page, other pages that mention it, the
 * derived degree, the links file);
 * <li>its outgoing qualified edges, typed or {@code kg:linkedTo} ({@code kg:source} is the entity;
 * pages list them, so no paging)
 * and one page of its backlinks ({@link DocBacklinks}); for each edge, its direct triple
 * ({@code source predicate target}), the edge resource's triples and each assertion's triples
 * (page, position, line, justification);
 * <li>its top similarity links ({@link DocSimilarLinks}) with their triples;
 * <li>a summary (class, label, identifier; see {@link DocLookup#addSummary}) of every resource the
 * entity's triples point to, of both ends of each edge and of every element of each link, so a
 * client can show a neighbour without another request;
 * <li>metadata about the document itself (topic, licence, dataset, next page). Not its date: a
 * document's bytes depend on its content alone, so a build renders again only the documents its
 * change reaches, and the date goes out as {@code Last-Modified}.
 * </ul>
 * All of it comes from index lookups ({@link DocLookup}): it used to be a SPARQL query per edge and
 * per link (about a second for a hub at 20,000 entities). The triples are exactly the ones those
 * queries gave; {@code EntityDocumentTest} keeps them as its reference. Callers hold a read
 * transaction.
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

    /** Is {@code entity} an entity of the knowledge graph? Every entity, page or mention, carries its identifier. */
    boolean exists(Node entity) {
        return new DocLookup(dataset).contains(entity, KG.identifier, Node.ANY);
    }

    /**
     * The entity a former URI now names, if it is one: pages that gained an explicit id record the
     * URI their label used to mint ({@code <former> dcterms:isReplacedBy <entity>}). Only a current
     * entity counts; if several do, the first in SPARQL order.
     */
    Optional<Node> replacement(Node former) {
        DocLookup lookup = new DocLookup(dataset);
        return lookup.objects(former, DCTerms.isReplacedBy.asNode()).stream()
                .filter(current -> lookup.contains(current, KG.identifier, Node.ANY))
                .min(DocLookup::sparqlOrder);
    }

    /** @param page 1-based page of backlinks */
    Description describe(EntityPath p, int page) {
        Node entity = entity(p);
        DocLookup lookup = DocLookup.forDescription(dataset, entity);
        Content content = new Content(lookup);
        content.entity(entity);
        Set<Node> edges = new LinkedHashSet<>(lookup.subjects(KG.source, entity));
        DocBacklinks backlinks = DocBacklinks.page(lookup, entity, page, PAGE_SIZE);
        edges.addAll(backlinks.edges());
        edges.forEach(content::edge);
        DocSimilarLinks.top(lookup, entity).values().forEach(content::similarityLink);
        Graph g = content.graph;
        Node doc = document(p, page);
        g.add(doc, RDF.type.asNode(), FOAF_DOCUMENT);
        g.add(doc, PRIMARY_TOPIC, entity);
        g.add(doc, DCTerms.license.asNode(), NodeFactory.createURI(LICENSE));
        g.add(doc, IN_DATASET, VoidServlet.dataset(uris));
        if (backlinks.hasNext())
            g.add(doc, NEXT, document(p, page + 1));
        return new Description(g, doc, page, backlinks.hasNext());
    }

    /** {base}doc/{type}/{slug}, with {@code ?page=n} past the first page. */
    Node document(EntityPath p, int page) {
        String doc = uris.base() + p.docPath().substring(1);
        return NodeFactory.createURI(page == 1 ? doc : doc + "?page=" + page);
    }

    /**
     * The graph being built. Each resource's triples are read once ({@link DocLookup#about}) and its
     * edge ends, assertions or link elements taken from them; and each resource is summarised once,
     * since most edges share an end.
     */
    private static final class Content {
        final Graph graph = GraphFactory.createDefaultGraph();
        private final DocLookup lookup;
        private final Set<Node> summarised = new HashSet<>();

        Content(DocLookup lookup) { this.lookup = lookup; }

        void entity(Node entity) {
            List<Triple> about = lookup.about(entity);
            about.forEach(graph::add);
            about.forEach(t -> summary(t.getObject()));
        }

        /** Nothing unless the edge has a source, a predicate and a target. */
        void edge(Node edge) {
            List<Triple> about = lookup.about(edge);
            List<Node> sources = DocLookup.objects(about, KG.source), predicates = DocLookup.objects(about, KG.predicate),
                    targets = DocLookup.objects(about, KG.target);
            if (sources.isEmpty() || predicates.isEmpty() || targets.isEmpty())
                return;
            for (Node s : sources)
                for (Node p : predicates)
                    for (Node o : targets)
                        if (NodeUtils.isValidAsRDF(s, p, o)) // a literal predicate makes no triple, as in a CONSTRUCT
                            graph.add(s, p, o);
            about.forEach(graph::add);
            for (Node assertion : DocLookup.objects(about, KG.assertion))
                lookup.about(assertion).forEach(graph::add);
            sources.forEach(this::summary);
            targets.forEach(this::summary);
        }

        void similarityLink(List<Triple> about) {
            about.forEach(graph::add);
            DocLookup.objects(about, KG.element).forEach(this::summary);
        }

        private void summary(Node node) {
            if (summarised.add(node))
                lookup.addSummary(node, graph);
        }
    }
}
