package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/**
 * {@link EntityDocument} builds its descriptions from index lookups; the SPARQL queries it used to
 * run, one per edge and per similarity link, are kept here as the reference it must match triple
 * for triple: on every entity of seeds/, and on a made-up hub with several pages of backlinks and
 * more similarity links than a description names.
 */
class EntityDocumentTest {
    static final Uris URIS = new Uris(WebClient.BASE);

    @Test
    void everySeedEntityIsDescribedAsTheQueriesDid() throws Exception {
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        DatasetGraph ds = store.dataset();
        EntityDocument docs = new EntityDocument(ds, URIS);
        int compared = Txn.calculateRead(ds, () -> {
            List<Node> entities = new ArrayList<>();
            ds.getUnionGraph().find(Node.ANY, KG.identifier, Node.ANY).forEachRemaining(t -> entities.add(t.getSubject()));
            int n = 0;
            for (Node e : entities.stream().distinct().filter(e -> e.getURI().startsWith(WebClient.BASE + "id/")).toList()) {
                String path = e.getURI().substring((WebClient.BASE + "id").length());
                String[] parts = path.split("/");
                EntityPath p = new EntityPath(parts[1], parts[2], null);
                assertTrue(docs.exists(e), e.toString());
                assertAsTheQueries(ds, p, 1);
                n++;
            }
            return n;
        });
        assertTrue(compared > 10, "entities compared: " + compared);
    }

    /** A hub with 230 typed backlinks over two graphs and 70 similarity links, some unscored. */
    @Test
    void pagesAndRankingMatchTheQueries() {
        KnowledgeStore store = KnowledgeStore.inMemory();
        DatasetGraph ds = store.dataset();
        EntityPath hubPath = new EntityPath("concept", "hub", null);
        Node hub = URIS.entity("concept", "hub");
        Node g1 = NodeFactory.createURI(WebClient.BASE + "graph/seed/one.txt");
        Node g2 = NodeFactory.createURI(WebClient.BASE + "graph/seed/two.txt");
        Node studies = KG.kg("studies");
        Txn.executeWrite(ds, () -> {
            ds.add(g1, studies, KG.key, NodeFactory.createLiteralString("studies"));
            summary(ds, g1, hub, "Hub");
            ds.add(g1, hub, KG.degree, NodeFactory.createLiteralString("many"));
            for (int i = 0; i < 260; i++) {
                Node source = URIS.entity("thinker", "t" + i);
                summary(ds, g1, source, "T" + i);
                // every tenth edge is untyped (kg:linkedTo has no kg:key); edge 7 is from the hub itself
                Node predicate = i % 10 == 3 ? KG.linkedTo : studies;
                Node from = i == 7 ? hub : source;
                Node edge = URIS.edge(from, predicate, hub);
                Node graph = i % 2 == 0 ? g1 : g2;
                for (Node g : i % 5 == 0 ? List.of(g1, g2) : List.of(graph)) {
                    ds.add(g, from, predicate, hub);
                    ds.add(g, edge, RDF.type.asNode(), KG.Edge);
                    ds.add(g, edge, KG.source, from);
                    ds.add(g, edge, KG.predicate, predicate);
                    ds.add(g, edge, KG.target, hub);
                    Node assertion = URIS.assertion(edge, g.getURI(), i);
                    ds.add(g, edge, KG.assertion, assertion);
                    ds.add(g, assertion, KG.justification, NodeFactory.createLiteralString("because " + i));
                }
            }
            Node out = URIS.edge(hub, studies, URIS.entity("thinker", "t1"));
            ds.add(g1, out, KG.source, hub);
            ds.add(g1, out, KG.predicate, studies);
            ds.add(g1, out, KG.target, URIS.entity("thinker", "t1"));
            for (int i = 0; i < 70; i++) {
                Node link = URIS.similarity("sim.ttl", i);
                Node other = URIS.entity("thinker", "t" + (i * 3));
                Node g = i % 3 == 0 ? g2 : g1;
                ds.add(g, link, RDF.type.asNode(), i == 11 ? KG.Edge : KG.SimilarityLink);
                ds.add(g, link, KG.element, hub);
                ds.add(g, link, KG.element, other);
                if (i % 2 == 1) // half unscored, ranked after the scored ones by IRI; scores repeat, so ties fall back to the IRI
                    ds.add(g, link, KG.score, NodeFactory.createLiteralDT(Double.toString((i % 9) / 10.0), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdouble));
                if (i == 5)
                    ds.add(g2, link, KG.score, NodeFactory.createLiteralDT("0.95", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
            }
        });
        EntityDocument docs = new EntityDocument(ds, URIS);
        Txn.executeRead(ds, () -> {
            for (int page = 1; page <= 4; page++)
                assertAsTheQueries(ds, hubPath, page);
            assertTrue(docs.describe(hubPath, 2).hasNext());
            assertFalse(docs.describe(hubPath, 3).hasNext(), "260 - 26 untyped - 1 from itself = 233: three pages");
            assertEquals(List.of(hub), docs.describe(hubPath, 4).graph().find(Node.ANY, studies, hub).mapWith(t -> t.getSubject()).toList(),
                    "past the last page, only the outgoing edges: here the hub's edge to itself");
            Graph first = docs.describe(hubPath, 1).graph();
            long links = first.find(Node.ANY, RDF.type.asNode(), KG.SimilarityLink).toList().size();
            assertEquals(DocSimilarLinks.LIMIT - 1, links, "50 rows; the link with two scores fills two");
            long unscored = first.find(Node.ANY, RDF.type.asNode(), KG.SimilarityLink).filterDrop(t -> first.contains(t.getSubject(), KG.score, Node.ANY)).toList().size();
            assertEquals(15, unscored, "34 scored links fill 35 rows; unscored ones fill the other 15");
        });
    }

    @Test
    void aFormerUriLeadsToTheCurrentEntity() {
        KnowledgeStore store = KnowledgeStore.inMemory();
        DatasetGraph ds = store.dataset();
        Node g = NodeFactory.createURI(WebClient.BASE + "graph/seed/one.txt");
        Node former = URIS.entity("concept", "old");
        Node gone = URIS.entity("concept", "gone");
        Node b = URIS.entity("concept", "b");
        Node a = URIS.entity("concept", "a");
        Txn.executeWrite(ds, () -> {
            ds.add(g, former, DCTerms.isReplacedBy.asNode(), gone);
            ds.add(g, former, DCTerms.isReplacedBy.asNode(), b);
            ds.add(g, former, DCTerms.isReplacedBy.asNode(), a);
            ds.add(g, a, KG.identifier, NodeFactory.createLiteralString("concept:a"));
            ds.add(g, b, KG.identifier, NodeFactory.createLiteralString("concept:b"));
        });
        EntityDocument docs = new EntityDocument(ds, URIS);
        Txn.executeRead(ds, () -> {
            assertEquals(Optional.of(a), docs.replacement(former));
            assertEquals(select(ds, REPLACED, "former", former, "current"), List.of(a));
            assertEquals(Optional.empty(), docs.replacement(gone));
            assertFalse(docs.exists(former));
            assertTrue(docs.exists(a));
        });
    }

    private static void summary(DatasetGraph ds, Node g, Node entity, String label) {
        ds.add(g, entity, RDF.type.asNode(), KG.kg("Concept"));
        ds.add(g, entity, RDFS.label.asNode(), NodeFactory.createLiteralString(label));
        ds.add(g, entity, KG.identifier, NodeFactory.createLiteralString(label.toLowerCase()));
    }

    /** On TDB2 (lookups in its quad table) and on the same data behind a wrapper (lookups in the union graph). */
    private static void assertAsTheQueries(DatasetGraph ds, EntityPath p, int page) {
        Reference expected = reference(ds, URIS.entity(p.typeKey(), p.slug()), page);
        for (DatasetGraph store : List.of(ds, new DatasetGraphWrapper(ds))) {
            EntityDocument.Description actual = new EntityDocument(store, URIS).describe(p, page);
            Graph withoutDocument = GraphFactory.createDefaultGraph();
            actual.graph().find().filterDrop(t -> t.getSubject().equals(actual.document())).forEachRemaining(withoutDocument::add);
            assertTrue(expected.graph().isIsomorphicWith(withoutDocument), () -> p + " page " + page + " on " + store.getClass().getSimpleName()
                    + ": differs from the queries\nexpected " + expected.graph().size() + " triples, got " + withoutDocument.size());
            assertEquals(expected.hasNext(), actual.hasNext(), p + " page " + page);
        }
    }

    // ---- the reference: the queries the description was built from before (one per edge and link)

    record Reference(Graph graph, boolean hasNext) {}

    static Reference reference(DatasetGraph ds, Node entity, int page) {
        Graph g = GraphFactory.createDefaultGraph();
        construct(ds, ENTITY, "entity", entity, g);
        for (Node edge : select(ds, OUTGOING, "entity", entity, "edge"))
            construct(ds, EDGE, "edge", edge, g);
        Query backlinks = BACKLINKS.cloneQuery();
        backlinks.setLimit(EntityDocument.PAGE_SIZE + 1);
        backlinks.setOffset((long) (page - 1) * EntityDocument.PAGE_SIZE);
        List<Node> incoming = select(ds, backlinks, "entity", entity, "edge");
        incoming.stream().limit(EntityDocument.PAGE_SIZE).forEach(edge -> construct(ds, EDGE, "edge", edge, g));
        for (Node link : select(ds, SIMILAR, "entity", entity, "link"))
            construct(ds, SIMILARITY_LINK, "link", link, g);
        return new Reference(g, incoming.size() > EntityDocument.PAGE_SIZE);
    }

    private static void construct(DatasetGraph ds, Query query, String var, Node value, Graph into) {
        try (QueryExec qe = QueryExec.dataset(ds).query(query).substitution(var, value).build()) {
            qe.constructTriples().forEachRemaining(into::add);
        }
    }

    private static List<Node> select(DatasetGraph ds, Query query, String var, Node value, String column) {
        try (QueryExec qe = QueryExec.dataset(ds).query(query).substitution(var, value).build()) {
            List<Node> nodes = new ArrayList<>();
            qe.select().forEachRemaining(b -> nodes.add(b.get(column)));
            return nodes;
        }
    }

    static final String PREFIXES = """
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX kg:      <https://w3id.org/lodestar/ns#>
            PREFIX sim:     <http://purl.org/ontology/similarity/>
            """;

    static final Query ENTITY = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?entity ?p ?o . ?o a ?class ; rdfs:label ?label ; dcterms:identifier ?id . }
            WHERE { ?entity ?p ?o . OPTIONAL { ?o dcterms:identifier ?id ; a ?class ; rdfs:label ?label . } }
            """);

    static final Query OUTGOING = QueryFactory.create(PREFIXES + "SELECT DISTINCT ?edge WHERE { ?edge kg:source ?entity } ORDER BY ?edge");

    static final Query EDGE = QueryFactory.create(PREFIXES + """
            CONSTRUCT {
              ?s ?p ?o .
              ?edge ?ep ?eo .
              ?assertion ?ap ?ao .
              ?end a ?class ; rdfs:label ?label ; dcterms:identifier ?id .
            }
            WHERE {
              ?edge kg:source ?s ; kg:predicate ?p ; kg:target ?o .
              { ?edge ?ep ?eo }
              UNION { ?edge kg:assertion ?assertion . ?assertion ?ap ?ao }
              UNION { { ?edge kg:source ?end } UNION { ?edge kg:target ?end }
                      ?end dcterms:identifier ?id ; a ?class ; rdfs:label ?label }
            }
            """);

    static final Query BACKLINKS = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?edge WHERE {
              ?edge kg:target ?entity ; kg:predicate ?p ; kg:source ?source .
              ?p kg:key ?key .
              FILTER (?source != ?entity)
            }
            ORDER BY ?edge
            """);

    static final Query SIMILAR = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?link ?score WHERE {
              ?link a kg:SimilarityLink ; sim:element ?entity .
              OPTIONAL { ?link kg:score ?score }
            }
            ORDER BY DESC(?score) ?link
            LIMIT 50
            """);

    static final Query SIMILARITY_LINK = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?link ?p ?o . ?element a ?class ; rdfs:label ?label ; dcterms:identifier ?id . }
            WHERE {
              { ?link ?p ?o }
              UNION { ?link sim:element ?element . ?element dcterms:identifier ?id ; a ?class ; rdfs:label ?label }
            }
            """);

    static final Query REPLACED = QueryFactory.create(PREFIXES + """
            SELECT ?current WHERE { ?former dcterms:isReplacedBy ?current . ?current dcterms:identifier ?id . }
            ORDER BY ?current LIMIT 1
            """);
}
