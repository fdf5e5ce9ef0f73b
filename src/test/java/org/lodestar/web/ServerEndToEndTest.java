package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/** The real embedded Fuseki on a free port, queried over HTTP. */
class ServerEndToEndTest {
    static final String BASE = "http://localhost:8080/";
    static final HttpClient http = HttpClient.newHttpClient();
    static KnowledgeStore seeded;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildSeeds() throws Exception {
        seeded = KnowledgeStore.inMemory();
        new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE)), false)
                .run(seeded, SeedFiles.folder(Path.of("seeds")));
    }

    static ServerSettings settings(Path passwd) {
        return new ServerSettings(0, null, Path.of("seeds"), BASE, passwd, 10_000, SimilaritySettings.IMPORTED_ONLY);
    }

    static HttpResponse<String> get(FusekiServer server, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String query(String sparql) {
        return "/kg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> update(FusekiServer server, String sparql, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/kg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(sparql));
        if (user != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sparqlSeesTheUnionOfThePageGraphs() throws Exception {
        FusekiServer server = LodestarServer.start(settings(null), seeded);
        try {
            for (String endpoint : new String[] {"/kg/sparql", "/kg/query"}) {
                String ask = "ASK { <" + BASE + "id/thinker/evan-hubinger> <https://w3id.org/lodestar/ns#studies> <"
                        + BASE + "id/concept/alignment-faking> }";
                HttpResponse<String> r = get(server, query(ask).replace("/kg/sparql", endpoint), "application/sparql-results+json");
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"boolean\" : true"), r.body());
            }
            HttpResponse<String> count = get(server, query("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
                    "text/csv");
            assertEquals("n\r\n8\r\n", count.body(), "5 pages + ontology + derived + links graphs");
        } finally {
            server.stop();
        }
    }

    @Test
    void graphStoreReadAndShaclEndpointsAnswer() throws Exception {
        FusekiServer server = LodestarServer.start(settings(null), seeded);
        try {
            HttpResponse<String> g = get(server, "/kg/get?graph=" + URLEncoder.encode(BASE + "graph/seed/concept-compliance-gap.txt",
                    StandardCharsets.UTF_8), "application/n-triples");
            assertEquals(200, g.statusCode());
            assertTrue(g.body().contains("\"Compliance Gap\""), g.body());
            String shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                    + "[] a sh:NodeShape ; sh:targetClass <https://w3id.org/lodestar/ns#Concept> ; sh:property [ sh:path rdfs:label ; sh:minCount 2 ] .";
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/kg/shacl?graph=" + URLEncoder.encode("urn:x-arq:UnionGraph", StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/turtle").header("Accept", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString(shapes)).build();
            HttpResponse<String> report = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().contains("conforms") && report.body().contains("false"), report.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutAPasswordFileThereIsNoUpdateEndpoint() throws Exception {
        FusekiServer server = LodestarServer.start(settings(null), seeded);
        try {
            HttpResponse<String> r = update(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", null, null);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405, "status " + r.statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void updateNeedsCredentialsFromThePasswordFile() throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        KnowledgeStore store = KnowledgeStore.inMemory();
        FusekiServer server = LodestarServer.start(settings(passwd), store);
        try {
            String insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }";
            assertEquals(401, update(server, insert, null, null).statusCode());
            assertEquals(401, update(server, insert, "curator", "wrong").statusCode());
            HttpResponse<String> ask = get(server, query("ASK { <urn:a> <urn:b> <urn:c> }"), "text/csv");
            assertTrue(ask.body().contains("false") || ask.body().contains("no"), "refused update changed nothing: " + ask.body());
            assertEquals(2, update(server, insert, "curator", "s3cret").statusCode() / 100);
            assertTrue(get(server, query("ASK { <urn:a> <urn:b> <urn:c> }"), "application/sparql-results+json").body().contains("true"));
        } finally {
            server.stop();
        }
    }

    @Test
    void serviceFederationIsOff() throws Exception {
        FusekiServer server = LodestarServer.start(settings(null), seeded);
        try {
            String q = "SELECT * { SERVICE <http://localhost:" + server.getHttpPort() + "/kg/sparql> { ?s ?p ?o } } LIMIT 1";
            HttpResponse<String> r = get(server, query(q), "application/sparql-results+json");
            assertTrue(r.statusCode() >= 400, "SERVICE must be refused, got " + r.statusCode() + " " + r.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void stockFusekiServesTheBuiltDatabaseFromTheShippedConfig() throws Exception {
        Path db = dir.resolve("tdb2");
        KnowledgeStore store = KnowledgeStore.open(db);
        new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE)), false)
                .run(store, SeedFiles.folder(Path.of("seeds")));
        org.apache.jena.tdb2.sys.TDBInternal.expel(store.dataset());
        String config = Files.readString(Path.of("fuseki-config/lodestar.ttl"))
                .replace("tdb2:location \"data/tdb2\"", "tdb2:location \"" + db.toAbsolutePath() + "\"");
        Path configFile = dir.resolve("config.ttl");
        Files.writeString(configFile, config);
        FusekiServer server = FusekiServer.create().port(0).parseConfigFile(configFile).start();
        try {
            String ask = "ASK { <" + BASE + "id/paper/alignment-faking-in-large-language-models> <https://w3id.org/lodestar/ns#authoredBy> ?who }";
            HttpResponse<String> r = get(server, query(ask), "application/sparql-results+json");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("true"), "union default graph: " + r.body());
            assertEquals(200, get(server, "/kg/get?default", "application/n-triples").statusCode());
            assertTrue(update(server, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", null, null).statusCode() >= 400);
        } finally {
            server.stop();
        }
    }
}
