package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RemoteEndpoint;

/**
 * {@code serve --sparql} over a stock Fuseki 5.6 (no Lodestar code in it: a plain in-memory
 * dataset loaded from the embedded server's {@code /dump/lodestar.nt.gz}, on its own port, over
 * real HTTP): the seed pages' views and descriptions, the sitemap, search and dereferencing are
 * what the embedded store serves; a store that stops, or answers too slowly, is a 502 or 504 with
 * one line naming it, within the timeouts.
 */
class RemoteFusekiTest {
    static FusekiServer embedded, fuseki, remote;
    static WebClient local, web;
    /** Milliseconds the stock Fuseki waits before each answer: how a test makes it slow. */
    static final AtomicLong DELAY = new AtomicLong();
    static final long QUERY_TIMEOUT = 3_000;

    @BeforeAll
    static void start() throws Exception {
        KnowledgeStore store = WebClient.build(Path.of("seeds"));
        embedded = WebClient.start(store, null);
        local = new WebClient(embedded);
        DatasetGraph loaded = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(RemoteStores.dump(local))).lang(Lang.NTRIPLES).parse(loaded);
        Filter slow = (request, response, chain) -> {
            try {
                Thread.sleep(DELAY.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            chain.doFilter(request, response);
        };
        fuseki = FusekiServer.create().port(0).add("/ds", loaded).addFilter("/*", slow).build().start();
        remote = RemoteStores.serve(new RemoteEndpoint("http://localhost:" + fuseki.getHttpPort() + "/ds/sparql", null, null, 2_000, QUERY_TIMEOUT));
        web = new WebClient(remote);
    }

    @AfterAll
    static void stop() {
        for (FusekiServer s : new FusekiServer[] {remote, fuseki, embedded})
            if (s != null)
                s.stop();
    }

    @TestFactory
    List<DynamicTest> seedPagesAreServedAsTheEmbeddedStoreServesThem() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String entity : RemoteStores.seedEntities())
            for (String path : RemoteStores.paths(entity))
                tests.add(DynamicTest.dynamicTest(path, () -> RemoteStores.assertSame(local, web, path)));
        tests.add(DynamicTest.dynamicTest("/sitemap.xml", () -> RemoteStores.assertSame(local, web, "/sitemap.xml")));
        for (String path : List.of("/search?q=alignment", "/search?q=compliance%20gap", "/search/suggest?q=alig"))
            tests.add(DynamicTest.dynamicTest(path, () -> {
                RemoteStores.awaitSearchIndex(local, web);
                RemoteStores.assertSame(local, web, path);
            }));
        return tests;
    }

    @Test
    void anEntityUriIsDereferencedOverTheRemoteStore() throws Exception {
        HttpResponse<byte[]> found = web.get("/id/concept/alignment-faking");
        assertEquals(303, found.statusCode());
        assertEquals("/doc/concept/alignment-faking", WebClient.header(found, "Location"));
        assertEquals(404, web.get("/id/concept/no-such-entity").statusCode());
        assertEquals(404, web.get("/doc/concept/no-such-entity.ttl").statusCode());
    }

    @Test
    void theSparqlEndpointAnswersFromTheRemoteStore() throws Exception {
        String who = java.net.URLEncoder.encode("PREFIX kg: <https://w3id.org/lodestar/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT ?name WHERE { ?who kg:studies <" + WebClient.BASE + "id/concept/alignment-faking> ; rdfs:label ?name } ORDER BY ?name",
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<byte[]> e = local.get("/kg/sparql?query=" + who, "Accept", "text/csv"), a = web.get("/kg/sparql?query=" + who, "Accept", "text/csv");
        assertEquals(200, a.statusCode(), WebClient.text(a));
        assertTrue(WebClient.text(e).lines().count() > 1, WebClient.text(e));
        assertEquals(WebClient.text(e), WebClient.text(a));
        String ask = java.net.URLEncoder.encode("ASK { ?s a <https://w3id.org/lodestar/ns#Concept> }", java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(WebClient.text(web.get("/kg/sparql?query=" + ask, "Accept", "application/sparql-results+json")).contains("true"));
    }

    @Test
    void theVoidCountsWhatTheEmbeddedStoreCounts() throws Exception {
        var e = RemoteStores.parse(local.get("/.well-known/void.nt").body(), Lang.NTRIPLES);
        var a = RemoteStores.parse(web.get("/.well-known/void.nt").body(), Lang.NTRIPLES);
        for (String p : List.of("triples", "entities", "distinctSubjects", "properties", "classes")) {
            var property = org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#" + p);
            var dataset = org.apache.jena.graph.NodeFactory.createURI(WebClient.BASE + ".well-known/void#dataset");
            assertEquals(e.find(dataset, property, null).toList(), a.find(dataset, property, null).toList(), p);
        }
    }

    @Test
    void aSlowStoreIsA504WithinTheQueryTimeout() throws Exception {
        DELAY.set(QUERY_TIMEOUT + 2_000);
        try {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = web.get("/view/concept/compliance-gap.txt");
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, r.statusCode(), WebClient.text(r));
            assertEquals("text/plain", WebClient.mediaType(r));
            String line = WebClient.text(r).strip();
            assertTrue(line.contains("/ds/sparql") && line.contains("did not answer within " + QUERY_TIMEOUT + " ms"), line);
            assertTrue(took < QUERY_TIMEOUT + 1_500, "answered after " + took + " ms");
        } finally {
            DELAY.set(0);
        }
    }

    @Test
    void aStoppedStoreIsA502NamingIt() throws Exception {
        int port = RemoteStores.closedPort();
        // A second front end over a store that was there at its start, then went away.
        DatasetGraph loaded = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(RemoteStores.dump(local))).lang(Lang.NTRIPLES).parse(loaded);
        FusekiServer store = FusekiServer.create().port(port).add("/ds", loaded).build().start();
        FusekiServer front = RemoteStores.serve(new RemoteEndpoint("http://localhost:" + port + "/ds/sparql", null, null, 2_000, QUERY_TIMEOUT));
        try {
            WebClient over = new WebClient(front);
            assertEquals(200, over.get("/view/concept/compliance-gap.txt").statusCode());
            store.stop();
            for (String path : List.of("/view/concept/compliance-gap.txt", "/doc/concept/compliance-gap.ttl", "/id/concept/compliance-gap",
                    "/sitemap.xml", "/.well-known/void")) {
                HttpResponse<byte[]> r = over.get(path);
                assertEquals(502, r.statusCode(), path + ": " + WebClient.text(r));
                String text = WebClient.text(r);
                assertEquals(1, text.lines().count(), text);
                assertTrue(text.contains("http://localhost:" + port + "/ds/sparql refused the connection"), text);
            }
        } finally {
            front.stop();
            store.stop();
        }
    }
}
