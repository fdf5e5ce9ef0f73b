package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.mediaType;
import static org.lodestar.web.WebClient.text;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.store.KnowledgeStore;

/**
 * CONSTRUCT and DESCRIBE from the SPARQL clients people use, each with the exact Accept header and
 * format parameters it sends (read from their sources: SPARQLWrapper's {@code _getAcceptHeader}
 * and {@code _returnFormatSetting}, rdflib's {@code SPARQLConnector.response_mime_types}, Jena's
 * {@code WebContent.defaultGraphAcceptHeader}, fetch-sparql-endpoint's {@code fetchTriples} under
 * Comunica, Yasqe's {@code acceptHeaderGraph}): every one gets the graph, in the format it asked for.
 */
class SparqlClientsTest {
    static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + WebClient.BASE + "graph/links> { ?s ?p ?o } }";
    static final String DESCRIBE = "DESCRIBE <" + WebClient.BASE + "id/concept/alignment-faking>";

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

    /** @param params name, value, name, value… sent beside the query; @param post as an HTML form, else GET */
    record Client(String name, String accept, List<String> params, boolean post, String expected) {
        @Override
        public String toString() { return name; }
    }

    /** SPARQLWrapper sends its return format as format=, output= and results=; for RDF/XML and JSON-LD the media type as well. */
    static List<String> sparqlWrapper(String returnFormat, String mediaType) {
        List<String> p = new ArrayList<>();
        for (String name : List.of("format", "output", "results")) {
            p.add(name);
            p.add(returnFormat);
            if (mediaType != null) {
                p.add(name);
                p.add(mediaType);
            }
        }
        return p;
    }

    static Stream<Client> clients() {
        return Stream.of(
                new Client("SPARQLWrapper XML (default)", "application/rdf+xml", sparqlWrapper("xml", null), false, WebContent.contentTypeRDFXML),
                new Client("SPARQLWrapper RDFXML", "application/rdf+xml", sparqlWrapper("rdf+xml", "application/rdf+xml"), false,
                        WebContent.contentTypeRDFXML),
                new Client("SPARQLWrapper N3", "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3",
                        sparqlWrapper("n3", null), false, WebContent.contentTypeTurtle),
                new Client("SPARQLWrapper TURTLE", "application/turtle,text/turtle", sparqlWrapper("turtle", null), false,
                        WebContent.contentTypeTurtle),
                new Client("SPARQLWrapper JSONLD", "application/ld+json,application/x-json+ld", sparqlWrapper("json-ld", "application/ld+json"),
                        false, WebContent.contentTypeJSONLD),
                new Client("SPARQLWrapper RDF", "*/*", sparqlWrapper("rdf", ""), false, WebContent.contentTypeRDFXML),
                new Client("SPARQLWrapper RDFXML, POST", "application/rdf+xml", sparqlWrapper("rdf+xml", "application/rdf+xml"), true,
                        WebContent.contentTypeRDFXML),
                new Client("SPARQLWrapper N3, POST", "application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3",
                        sparqlWrapper("n3", null), true, WebContent.contentTypeTurtle),
                new Client("rdflib SPARQLStore", "application/rdf+xml, application/sparql-results+xml", List.of(), false,
                        WebContent.contentTypeRDFXML),
                new Client("rdflib SPARQLStore (other set order)", "application/sparql-results+xml, application/rdf+xml", List.of(), false,
                        WebContent.contentTypeRDFXML),
                new Client("Jena QueryExecHTTP", WebContent.defaultGraphAcceptHeader, List.of(), false, WebContent.contentTypeTurtle),
                new Client("Jena RDFDataMgr", WebContent.defaultRDFAcceptHeader, List.of(), false, WebContent.contentTypeTurtle),
                new Client("Comunica (fetch-sparql-endpoint)", "text/turtle", List.of(), true, WebContent.contentTypeTurtle),
                new Client("YASGUI", "application/n-triples,*/*;q=0.9", List.of(), true, WebContent.contentTypeNTriples),
                new Client("N3 by Accept alone", "text/n3", List.of(), false, WebContent.contentTypeTurtle),
                new Client("N-Triples by name", "*/*", List.of("format", "ntriples"), false, WebContent.contentTypeNTriples),
                new Client("unknown format name: Accept decides", "application/ld+json", List.of("format", "no-such-format"), false,
                        WebContent.contentTypeJSONLD));
    }

    static HttpResponse<byte[]> send(Client c, String query) throws Exception {
        List<String> pairs = new ArrayList<>(List.of("query", query));
        pairs.addAll(c.params());
        String form = java.util.stream.IntStream.range(0, pairs.size() / 2)
                .mapToObj(i -> enc(pairs.get(2 * i)) + "=" + enc(pairs.get(2 * i + 1))).collect(Collectors.joining("&"));
        String url = web.origin() + "/kg/sparql";
        HttpRequest.Builder b = c.post()
                ? HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                : HttpRequest.newBuilder(URI.create(url + "?" + form)).GET();
        b.header("Accept", c.accept());
        return WebClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static Graph parse(HttpResponse<byte[]> r) {
        Lang lang = RDFLanguages.contentTypeToLang(mediaType(r));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(g);
        return g;
    }

    static Graph expected(String query) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(query).build()) {
                Graph g = GraphFactory.createDefaultGraph();
                GraphUtil.addInto(g, query.startsWith("DESCRIBE") ? qe.describe() : qe.construct());
                return g;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void everyClientGetsTheGraphInTheFormatItAskedFor(Client c) throws Exception {
        for (String query : List.of(CONSTRUCT, DESCRIBE)) {
            HttpResponse<byte[]> r = send(c, query);
            assertEquals(200, r.statusCode(), c + ": " + text(r));
            assertEquals(c.expected(), mediaType(r), c.name());
            Graph g = parse(r);
            assertFalse(g.isEmpty(), c.name());
            assertTrue(g.isIsomorphicWith(expected(query)), c + ": another graph than the query's\n" + text(r));
        }
    }

    /** The parameters SPARQLWrapper sends for SELECT still choose the results format. */
    @Test
    void selectStillTakesItsFormatFromTheParameters() throws Exception {
        String select = "SELECT ?s WHERE { ?s a <https://w3id.org/lodestar/ns#Concept> } LIMIT 2";
        for (String[] row : new String[][] {{"json", "application/sparql-results+json"}, {"xml", "application/sparql-results+xml"},
                {"csv", "text/csv"}, {"tsv", "text/tab-separated-values"}}) {
            Client c = new Client("SPARQLWrapper " + row[0], "*/*", sparqlWrapper(row[0], row[0].equals("tsv") ? "text/tab-separated-values" : null),
                    false, row[1]);
            HttpResponse<byte[]> r = send(c, select);
            assertEquals(200, r.statusCode(), text(r));
            assertEquals(row[1], mediaType(r), row[0]);
        }
    }

    /** Jena's own client, end to end, for each query form. */
    @Test
    void jenasClientReadsEveryForm() {
        String endpoint = web.origin() + "/kg/sparql";
        try (QueryExecHTTP qe = QueryExecHTTP.service(endpoint).query(CONSTRUCT).build()) {
            assertTrue(qe.construct().isIsomorphicWith(expected(CONSTRUCT)));
        }
        try (QueryExecHTTP qe = QueryExecHTTP.service(endpoint).query(DESCRIBE).build()) {
            assertTrue(qe.describe().isIsomorphicWith(expected(DESCRIBE)));
        }
        try (QueryExecHTTP qe = QueryExecHTTP.service(endpoint).query("SELECT * WHERE { ?s ?p ?o } LIMIT 3").build()) {
            RowSet rows = qe.select();
            assertEquals(3, rows.materialize().rewindable().size());
        }
    }

    /** What monitoring scripts written for stock Fuseki ask for. */
    @Test
    void fusekisOperationalEndpointsAnswer() throws Exception {
        HttpResponse<byte[]> ping = web.get("/$/ping");
        assertEquals(200, ping.statusCode());
        assertFalse(text(ping).isBlank());
        send(clients().findFirst().orElseThrow(), CONSTRUCT); // a request to count
        HttpResponse<byte[]> stats = web.get("/$/stats", "Accept", "application/json");
        assertEquals(200, stats.statusCode());
        assertTrue(text(stats).contains("\"/kg\""), text(stats));
        HttpResponse<byte[]> metrics = web.get("/$/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(mediaType(metrics).startsWith("text/plain"), mediaType(metrics));
        assertTrue(text(metrics).lines().anyMatch(l -> l.startsWith("fuseki_requests_good") && l.contains("dataset=\"/kg\"")), text(metrics));
        assertTrue(text(metrics).contains("jvm_memory"), "the JVM's own metrics too");
    }
}
