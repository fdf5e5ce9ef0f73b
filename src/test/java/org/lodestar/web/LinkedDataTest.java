package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.headers;
import static org.lodestar.web.WebClient.mediaType;
import static org.lodestar.web.WebClient.text;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.store.KnowledgeStore;

/** Dereferencing, negotiation, headers, discovery and dumps, over HTTP against the real server built from seeds/. */
class LinkedDataTest {
    static final String DOC = "/doc/concept/alignment-faking";
    static final Node ENTITY = NodeFactory.createURI(WebClient.BASE + "id/concept/alignment-faking");

    static KnowledgeStore store;
    static FusekiServer server;
    static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        store = WebClient.build(Path.of("seeds"));
        server = WebClient.start(store, null);
        web = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static Graph parse(HttpResponse<byte[]> r, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).base(WebClient.BASE).parse(g);
        return g;
    }

    // ---- dereferencing

    @Test
    void anEntityUriIsA303ToItsDocument() throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            HttpResponse<byte[]> r = web.send(method, "/id/concept/alignment-faking");
            assertEquals(303, r.statusCode());
            assertEquals(DOC, header(r, "Location"));
            assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        }
    }

    @Test
    void anUnknownEntityIs404HtmlForBrowsersAndTextOtherwise() throws Exception {
        HttpResponse<byte[]> curl = web.get("/id/concept/no-such-thing", "Accept", "*/*");
        assertEquals(404, curl.statusCode());
        assertEquals("text/plain", mediaType(curl));
        HttpResponse<byte[]> browser = web.get("/id/concept/no-such-thing", "Accept", AcceptHeaders.REAL_CLIENTS.get(0).accept());
        assertEquals(404, browser.statusCode());
        assertEquals("text/html", mediaType(browser));
        assertTrue(text(browser).contains("<form action=\"/search\"") && text(browser).contains("value=\"no such thing\""), text(browser));
        assertEquals(404, web.get(DOC.replace("alignment-faking", "no-such-thing")).statusCode());
    }

    /** Every real client that asks for RDF gets the 404 as text (Comunica ranks HTML low, but names it); browsers get HTML. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realClients")
    void anUnknownEntityAskedForAsRdfIsA404InText(AcceptHeaders.Row row) throws Exception {
        HttpResponse<byte[]> r = web.get("/id/concept/no-such-thing", "Accept", row.accept());
        assertEquals(404, r.statusCode());
        assertEquals(row.expected() == Format.HTML ? "text/html" : "text/plain", mediaType(r), row.client());
    }

    @Test
    void malformedIdsAre404() throws Exception {
        for (String path : new String[] {"/id/concept/Alignment-Faking", "/id/concept/alignment--faking", "/id/nosuchtype/alignment-faking",
                "/id/concept/alignment-faking/more", "/id/concept/alignment-faking.ttl", "/id/concept/a%20b", "/id/concept/%27%7D",
                "/doc/concept/alignment-faking.exe", "/doc/concept/ALIGNMENT-FAKING", "/id/", "/doc/"})
            assertEquals(404, web.get(path).statusCode(), path);
    }

    // ---- negotiation

    static Stream<AcceptHeaders.Row> realClients() {
        return AcceptHeaders.REAL_CLIENTS.stream();
    }

    static Stream<AcceptHeaders.Row> clients() {
        return Stream.concat(AcceptHeaders.REAL_CLIENTS.stream(), AcceptHeaders.RULES.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void eachClientGetsItsRepresentation(AcceptHeaders.Row row) throws Exception {
        HttpResponse<byte[]> r = web.get(DOC, "Accept", row.accept());
        assertEquals(row.expected() == Format.TURTLE ? "Accept, Accept-Encoding" : "Accept", header(r, "Vary"),
                "Turtle's first page may also be sent deflated");
        if (row.expected() == null) {
            assertEquals(406, r.statusCode());
            for (Format f : Format.DOCUMENT)
                assertTrue(text(r).contains(f.mediaType()), "406 lists " + f.mediaType() + ": " + text(r));
            return;
        }
        assertEquals(200, r.statusCode(), row.accept());
        assertEquals(row.expected().mediaType(), mediaType(r));
        assertEquals(DOC + "." + row.expected().extension(), header(r, "Content-Location"));
    }

    @Test
    void everyRepresentationParsesBackToTheSameGraph() throws Exception {
        Graph turtle = parse(web.get(DOC + ".ttl"), Lang.TURTLE);
        assertFalse(turtle.isEmpty());
        for (Format f : Format.RDF) {
            HttpResponse<byte[]> fixed = web.get(DOC + "." + f.extension());
            assertEquals(f.mediaType(), mediaType(fixed));
            assertEquals(f == Format.TURTLE ? "Accept-Encoding" : null, header(fixed, "Vary"),
                    "a fixed representation is not negotiated, except for its content coding");
            assertTrue(turtle.isIsomorphicWith(parse(fixed, f.lang())), f + " (fixed) differs from Turtle");
            HttpResponse<byte[]> negotiated = web.get(DOC, "Accept", f.mediaType());
            assertTrue(turtle.isIsomorphicWith(parse(negotiated, f.lang())), f + " (negotiated) differs from Turtle");
        }
        String jsonld = text(web.get(DOC + ".jsonld"));
        assertTrue(jsonld.contains("\"label\"") && jsonld.contains("\"@context\""), "compacted with the published context: " + jsonld);
        String html = text(web.get(DOC + ".html"));
        assertTrue(html.contains("<h1 id=\"label\">Alignment Faking</h1>"), html);
    }

    @Test
    void theDescriptionSaysWhatTheIssueAsks() throws Exception {
        Graph g = parse(web.get(DOC + ".ttl"), Lang.TURTLE);
        Node doc = NodeFactory.createURI(WebClient.BASE + "doc/concept/alignment-faking");
        Node foaf = NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic");
        assertTrue(g.contains(doc, foaf, ENTITY), "foaf:primaryTopic");
        assertTrue(g.contains(doc, DCTerms.license.asNode(), Node.ANY), "licence");
        assertTrue(g.contains(doc, NodeFactory.createURI("http://rdfs.org/ns/void#inDataset"), Node.ANY), "dataset");
        assertTrue(g.contains(ENTITY, RDFS.label.asNode(), NodeFactory.createLiteralString("Alignment Faking")));
        assertTrue(g.contains(ENTITY, KG.degree, Node.ANY), "derived degree");
        Node hubinger = NodeFactory.createURI(WebClient.BASE + "id/thinker/evan-hubinger");
        assertTrue(g.contains(hubinger, KG.kg("studies"), ENTITY), "backlink: Evan Hubinger studies it");
        assertTrue(g.contains(hubinger, RDFS.label.asNode(), NodeFactory.createLiteralString("Evan Hubinger")), "label of a neighbour");
        assertTrue(g.contains(Node.ANY, KG.justification, NodeFactory.createLiteralString(
                "Cited for alignment faking work showing RL can produce superficially aligned but deceptive behaviors")), "justification");
        assertTrue(g.contains(Node.ANY, KG.seedPage, NodeFactory.createURI(WebClient.BASE + "graph/seed/concept-alignment-faking.txt"))
                || g.contains(Node.ANY, KG.seedPage, Node.ANY), "provenance");
        Graph paper = parse(web.get("/doc/paper/alignment-faking-in-large-language-models.ttl"), Lang.TURTLE);
        assertTrue(paper.contains(NodeFactory.createURI(WebClient.BASE + "id/paper/alignment-faking-in-large-language-models"),
                OWL2.sameAs.asNode(), NodeFactory.createURI("https://doi.org/10.48550/arXiv.2412.14093")), "link out, served with the entity");
    }

    // ---- headers

    @Test
    void negotiatedAnswersCarryTheirHeaders() throws Exception {
        HttpResponse<byte[]> r = web.get(DOC, "Accept", "text/turtle", "Origin", "https://elsewhere.example");
        assertEquals(200, r.statusCode());
        assertEquals("Accept, Accept-Encoding", header(r, "Vary"));
        assertEquals(DOC + ".ttl", header(r, "Content-Location"));
        List<String> links = headers(r, "Link");
        for (Format f : Format.DOCUMENT)
            assertTrue(links.contains("<" + DOC + "." + f.extension() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\""), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.contains("rel=\"license\"")), links.toString());
        String etag = header(r, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), "strong ETag: " + etag);
        assertNotNull(header(r, "Last-Modified"));
        assertNotNull(header(r, "Cache-Control"));
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        String exposed = header(r, "Access-Control-Expose-Headers");
        for (String h : new String[] {"Link", "ETag", "Content-Location"})
            assertTrue(exposed.contains(h), exposed);
        assertNotEquals(etag, header(web.get(DOC, "Accept", "application/ld+json"), "ETag"), "one ETag per representation");
    }

    @Test
    void conditionalRequestsGet304() throws Exception {
        HttpResponse<byte[]> first = web.get(DOC, "Accept", "text/turtle");
        String etag = header(first, "ETag");
        String lastModified = header(first, "Last-Modified");
        HttpResponse<byte[]> again = web.get(DOC, "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals("Accept, Accept-Encoding", header(again, "Vary"));
        assertEquals(304, web.get(DOC, "Accept", "text/turtle", "If-None-Match", "\"other\", W/" + etag).statusCode());
        assertEquals(200, web.get(DOC, "Accept", "text/turtle", "If-None-Match", "\"other\"").statusCode());
        assertEquals(304, web.get(DOC, "Accept", "text/turtle", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, web.get(DOC, "Accept", "text/turtle", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode());
        assertEquals(200, web.get(DOC, "Accept", "application/ld+json", "If-None-Match", etag).statusCode(), "another representation");
    }

    @Test
    void turtlesFirstPageIsSentDeflatedToAClientThatNamesThatCoding() throws Exception {
        HttpResponse<byte[]> plain = web.get(DOC + ".ttl");
        assertNull(header(plain, "Content-Encoding"));
        HttpResponse<byte[]> deflated = web.get(DOC + ".ttl", "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, deflated.statusCode());
        assertEquals("deflate", header(deflated, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(deflated, "Vary"));
        assertEquals(Long.toString(deflated.body().length), header(deflated, "Content-Length"));
        assertTrue(deflated.body().length < plain.body().length / 2, deflated.body().length + " bytes against " + plain.body().length);
        assertArrayEquals(plain.body(), WebClient.inflate(deflated.body()));
        String etag = header(deflated, "ETag");
        assertTrue(etag.matches("W/\"[0-9a-f]{32}\""), "weak ETag: another zlib may make other bytes: " + etag);
        assertNotEquals(header(plain, "ETag").substring(1), etag.substring(3), "each content coding is its own representation");
        assertEquals(304, web.get(DOC + ".ttl", "Accept-Encoding", "deflate", "If-None-Match", etag).statusCode());
        assertEquals(200, web.get(DOC + ".ttl", "Accept-Encoding", "deflate", "If-None-Match", header(plain, "ETag")).statusCode());
        HttpResponse<byte[]> revalidated = web.get(DOC + ".ttl", "Accept-Encoding", "deflate", "If-None-Match", etag);
        assertEquals("Accept-Encoding", header(revalidated, "Vary"), "a 304 says what it varies on too");
        HttpResponse<byte[]> head = web.send("HEAD", DOC + ".ttl", "Accept-Encoding", "deflate");
        assertEquals("deflate", header(head, "Content-Encoding"));
        assertEquals(Long.toString(deflated.body().length), header(head, "Content-Length"), "HEAD gives the deflated length");
        assertEquals(etag, header(head, "ETag"));
        for (String[] asked : new String[][] {{"Accept-Encoding", "DEFLATE"}, {"Accept-Encoding", "gzip", "Accept-Encoding", "deflate;q=0.5"}})
            assertArrayEquals(deflated.body(), web.get(DOC + ".ttl", asked).body(), String.join(" ", asked));
        HttpResponse<byte[]> negotiated = web.get(DOC, "Accept", "text/turtle", "Accept-Encoding", "deflate");
        assertEquals("deflate", header(negotiated, "Content-Encoding"));
        assertEquals("Accept, Accept-Encoding", header(negotiated, "Vary"));
        assertArrayEquals(deflated.body(), negotiated.body());
        // not named, refused, or another representation: sent as it is
        for (String accept : new String[] {"gzip", "*", "deflate;q=0, gzip", "identity"})
            assertArrayEquals(plain.body(), web.get(DOC + ".ttl", "Accept-Encoding", accept).body(), accept);
        for (String other : new String[] {DOC + ".jsonld", DOC + ".ttl?page=2", DOC + ".html"}) {
            HttpResponse<byte[]> r = web.get(other, "Accept-Encoding", "deflate");
            assertNull(header(r, "Content-Encoding"), other);
            assertNull(header(r, "Vary"), other);
        }
    }

    @Test
    void optionsAnswersCorsPreflight() throws Exception {
        for (String path : new String[] {DOC, "/id/concept/alignment-faking", "/.well-known/void", "/ontology", "/dump/lodestar.ttl"}) {
            HttpResponse<byte[]> r = web.send("OPTIONS", path, "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET");
            assertEquals(204, r.statusCode(), path);
            assertEquals("*", header(r, "Access-Control-Allow-Origin"), path);
            assertTrue(header(r, "Access-Control-Allow-Methods").contains("GET"), path);
        }
    }

    // ---- discovery and bulk data

    @Test
    void voidDescribesTheDataset() throws Exception {
        HttpResponse<byte[]> r = web.get("/.well-known/void");
        assertEquals("text/turtle", mediaType(r));
        Graph g = parse(r, Lang.TURTLE);
        String v = "http://rdfs.org/ns/void#";
        Node ds = NodeFactory.createURI(WebClient.BASE + ".well-known/void#dataset");
        assertTrue(g.contains(ds, RDF.type.asNode(), NodeFactory.createURI(v + "Dataset")));
        assertTrue(g.contains(ds, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/ns/dcat#Dataset")));
        for (String p : new String[] {"triples", "entities", "classPartition", "exampleResource", "dataDump", "subset"})
            assertTrue(g.contains(ds, NodeFactory.createURI(v + p), Node.ANY), p);
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "uriSpace"), NodeFactory.createLiteralString(WebClient.BASE + "id/")));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "sparqlEndpoint"), NodeFactory.createURI(WebClient.BASE + "kg/sparql")));
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(v + "linkPredicate"), OWL2.sameAs.asNode()), "a linkset");
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "endpoint"), Node.ANY), "service description");
        long triples = Long.parseLong(g.find(ds, NodeFactory.createURI(v + "triples"), Node.ANY).next().getObject().getLiteralLexicalForm());
        assertEquals(Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getUnionGraph().size()), triples);
        assertTrue(parse(web.get("/.well-known/void.jsonld"), Lang.JSONLD).isIsomorphicWith(g));
    }

    @Test
    void sitemapAndRobotsPointCrawlersAtThePages() throws Exception {
        HttpResponse<byte[]> sitemap = web.get("/sitemap.xml");
        assertEquals("application/xml", mediaType(sitemap));
        String xml = text(sitemap);
        assertTrue(xml.contains("<loc>" + WebClient.BASE + "doc/concept/alignment-faking</loc><lastmod>"), xml);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(sitemap.body()));
        String robots = text(web.get("/robots.txt"));
        assertTrue(robots.contains("Sitemap: " + WebClient.BASE + "sitemap.xml"), robots);
    }

    @Test
    void dumpsHoldTheWholeDataset() throws Exception {
        Graph union = Txn.calculateRead(store.dataset(), () -> {
            Graph g = GraphFactory.createDefaultGraph();
            store.dataset().getUnionGraph().find().forEachRemaining(g::add);
            return g;
        });
        HttpResponse<byte[]> ttl = web.get("/dump/lodestar.ttl");
        assertEquals("text/turtle", mediaType(ttl));
        assertTrue(union.isIsomorphicWith(parse(ttl, Lang.TURTLE)));
        HttpResponse<byte[]> gz = web.get("/dump/lodestar.nt.gz");
        assertEquals("application/gzip", mediaType(gz));
        Graph nt = GraphFactory.createDefaultGraph();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz.body()))).lang(Lang.NTRIPLES).parse(nt);
        assertTrue(union.isIsomorphicWith(nt));
        assertEquals(304, web.get("/dump/lodestar.ttl", "If-None-Match", header(ttl, "ETag")).statusCode());
        assertEquals(404, web.get("/dump/lodestar.nq").statusCode());
    }

    @Test
    void theOntologyIsServedAsDataAndAsAPage() throws Exception {
        Graph ontology = Ontology.load().graph();
        assertTrue(ontology.isIsomorphicWith(parse(web.get("/ontology", "Accept", "text/turtle"), Lang.TURTLE)));
        assertTrue(ontology.isIsomorphicWith(parse(web.get("/ontology.rdf"), Lang.RDFXML)));
        HttpResponse<byte[]> page = web.get("/ontology", "Accept", AcceptHeaders.REAL_CLIENTS.get(1).accept());
        assertEquals("text/html", mediaType(page));
        String html = text(page);
        for (String term : new String[] {"kg:Concept", "kg:Thinker", "kg:studies", "kg:associatedWith", "kg:Edge"})
            assertTrue(html.contains("<dt id=\"" + term.substring(3) + "\">" + term + "</dt>"), term);
        String context = text(web.get("/ns/context.jsonld"));
        assertTrue(context.contains("\"@context\"") && context.contains("https://w3id.org/lodestar/ns#"), context);
    }

    @Test
    void searchFindsEntitiesByLabel() throws Exception {
        HttpResponse<byte[]> json = web.get("/search?q=" + java.net.URLEncoder.encode("alignment faking", "UTF-8"));
        assertEquals("application/json", mediaType(json));
        var results = org.apache.jena.atlas.json.JSON.parse(text(json)).get("results").getAsArray();
        assertEquals("concept:alignment-faking", results.get(0).getAsObject().get("id").getAsString().value(), "exact label first");
        assertEquals("/doc/concept/alignment-faking", results.get(0).getAsObject().get("page").getAsString().value());
        assertTrue(results.size() > 1, "and labels that contain it");
        String html = text(web.get("/search?q=compliance", "Accept", AcceptHeaders.REAL_CLIENTS.get(0).accept()));
        assertTrue(html.contains("<a href=\"/doc/concept/compliance-gap\">Compliance Gap</a>"), html);
    }

    @Test
    void theSparqlEndpointDescribesItself() throws Exception {
        HttpResponse<byte[]> r = web.get("/kg/sparql", "Accept", "application/ld+json");
        assertEquals(200, r.statusCode());
        assertEquals("application/ld+json", mediaType(r));
        Graph g = parse(r, Lang.JSONLD);
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "endpoint"),
                NodeFactory.createURI(web.origin() + "/kg/sparql")));
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        HttpResponse<byte[]> preflight = web.send("OPTIONS", "/kg/sparql", "Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, preflight.statusCode());
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("POST"));
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Content-Type"));
    }
}
