package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.ontology.Ontology;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.Slugs;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RemoteEndpoint;

/**
 * Shared by the tests of {@code serve --sparql}: the embedded reference, the pages to compare
 * and how to compare them. RDF is compared as graphs (a Turtle writer follows the order its
 * graph was filled in, which is the store's); HTML, text and JSON as they are.
 */
final class RemoteStores {
    private RemoteStores() {}

    /** The seed pages' own entities, as {@code type/slug}: the pages a curator wrote. */
    static List<String> seedEntities() throws IOException {
        SeedParser parser = new SeedParser(Ontology.load().vocabulary());
        List<String> found = new ArrayList<>();
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                EntityPage page = parser.parse(f.toString(), Files.readAllBytes(f)).page();
                found.add(page.typeKey() + "/" + (page.slug() != null ? page.slug() : Slugs.slugify(page.label())));
            }
        }
        return found;
    }

    /** What each seed entity is compared on. */
    static List<String> paths(String entity) {
        return List.of("/view/" + entity + ".txt", "/view/" + entity + ".json", "/view/" + entity + ".html",
                "/doc/" + entity + ".ttl", "/doc/" + entity + ".jsonld", "/doc/" + entity + ".html");
    }

    /** The embedded server's whole dataset, as {@code /dump/lodestar.nt.gz} gives it. */
    static byte[] dump(WebClient embedded) throws Exception {
        HttpResponse<byte[]> r = embedded.get("/dump/lodestar.nt.gz");
        assertEquals(200, r.statusCode());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    static FusekiServer serve(RemoteEndpoint endpoint) {
        return LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), WebClient.BASE, null, endpoint.queryMillis(),
                SimilaritySettings.IMPORTED_ONLY), KnowledgeStore.remote(endpoint));
    }

    /** The same answer from both servers: status, media type, and the body (as a graph for RDF). */
    static void assertSame(WebClient expected, WebClient actual, String path) throws Exception {
        HttpResponse<byte[]> e = expected.get(path), a = actual.get(path);
        assertEquals(200, e.statusCode(), path);
        assertEquals(e.statusCode(), a.statusCode(), path + ": " + WebClient.text(a));
        assertEquals(WebClient.mediaType(e), WebClient.mediaType(a), path);
        Lang lang = path.endsWith(".ttl") ? Lang.TURTLE : path.endsWith(".jsonld") ? Lang.JSONLD : path.endsWith(".nt") ? Lang.NTRIPLES : null;
        if (lang == null) {
            assertEquals(WebClient.text(e), WebClient.text(a), path);
            return;
        }
        Graph ge = parse(e.body(), lang), ga = parse(a.body(), lang);
        assertTrue(ge.size() > 0, path);
        assertTrue(ge.isIsomorphicWith(ga), path + ": not the same graph (" + ge.size() + " and " + ga.size() + " triples)");
    }

    /** The same entities found (search's JSON), in whatever order. */
    static void assertSameEntities(WebClient expected, WebClient actual, String path) throws Exception {
        HttpResponse<byte[]> e = expected.get(path, "Accept", "application/json"), a = actual.get(path, "Accept", "application/json");
        assertEquals(200, e.statusCode(), path);
        assertEquals(200, a.statusCode(), path + ": " + WebClient.text(a));
        java.util.Set<String> ids = ids(e), found = ids(a);
        assertTrue(!ids.isEmpty(), path);
        assertEquals(ids, found, path);
    }

    private static java.util.Set<String> ids(HttpResponse<byte[]> r) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        com.google.gson.JsonParser.parseString(WebClient.text(r)).getAsJsonObject().getAsJsonArray("results")
                .forEach(x -> ids.add(x.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(WebClient.BASE).parse(g);
        return g;
    }

    /** Waits until both servers answer search from their index (made in the background at start). */
    static void awaitSearchIndex(WebClient... servers) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        for (WebClient w : servers)
            while (!"index".equals(WebClient.header(w.get("/search?q=x", "Accept", "application/json"), "X-Search"))) {
                assertTrue(System.nanoTime() < until, "no search index after 60 s");
                Thread.sleep(100);
            }
    }

    /** A loopback port nothing listens on (taken, then given back). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
