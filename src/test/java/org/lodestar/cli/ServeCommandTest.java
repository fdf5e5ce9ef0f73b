package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.web.ServerSettings;

class ServeCommandTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private FusekiServer start(ServerSettings s) throws Exception {
        return ServeCommand.start(s, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyDatabaseIsBuiltFromTheSeedsBeforeServing() throws Exception {
        Path db = dir.resolve("tdb2");
        FusekiServer server = start(new ServerSettings(0, db, Path.of("seeds"), "http://localhost:8080/", null, 10_000, SimilaritySettings.DEFAULT));
        try {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("7 added"), out.toString(StandardCharsets.UTF_8)); // 5 pages, ontology, links
            String q = URLEncoder.encode("SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a <https://w3id.org/lodestar/ns#Thinker> }", StandardCharsets.UTF_8);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getHttpPort() + "/kg/sparql?query=" + q)).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("n\r\n3\r\n", r.body(), "Hubinger, Greenblatt et al. and Carlsmith, each once though several pages name them");
            HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getHttpPort() + "/doc/concept/compliance-gap.ttl")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("STORED", doc.headers().firstValue("X-Cache").orElse(null), "the build rendered the documents");
            // the build's warnings about the seeds, and nothing else
            assertTrue(err.toString(StandardCharsets.UTF_8).lines().allMatch(l -> l.matches("\\S+:\\d+: warning: .*|\\d+ warning\\(s\\)")),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            server.stop();
        }
    }

    /**
     * The build renders the views of its largest entities for its own similarity options; a server
     * started with others does not serve them (its views differ) but renders its own, with nothing
     * to say about it.
     */
    @Test
    void aServerShowingOtherSimilarityLinksThanTheBuildRendersItsOwnViews() throws Exception {
        Path seeds = dir.resolve("seeds"), db = dir.resolve("tdb2");
        new Generator(Ontology.load()).generate(300, 7, seeds); // power-law degrees: some entities have stored views
        FusekiServer built = start(new ServerSettings(0, db, seeds, "http://localhost:8080/", null, 10_000, SimilaritySettings.IMPORTED_ONLY));
        String hub;
        try {
            hub = largest(built);
            assertEquals("STORED", view(built, hub).headers().firstValue("X-Cache").orElse(null), "the build rendered " + hub);
        } finally {
            built.stop();
        }
        FusekiServer other = start(new ServerSettings(0, db, seeds, "http://localhost:8080/", null, 10_000, SimilaritySettings.DEFAULT));
        try {
            assertNotEquals("STORED", view(other, hub).headers().firstValue("X-Cache").orElse(null), "made for other options");
            // the view asked for is in the response cache now; its description tells when the file is rendered again
            String doc = hub.replace("/view/", "/doc/").replace(".json", ".ttl");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!"STORED".equals(view(other, doc).headers().firstValue("X-Cache").orElse(null)) && System.nanoTime() < deadline)
                Thread.sleep(200);
            assertEquals("STORED", view(other, hub.replace(".json", ".html")).headers().firstValue("X-Cache").orElse(null),
                    "rendered for this server's options");
            assertFalse(err.toString(StandardCharsets.UTF_8).contains("note:"), err.toString(StandardCharsets.UTF_8));
        } finally {
            other.stop();
        }
    }

    /** The path of the view of the entity with the most typed edges, as SPARQL finds it. */
    private static String largest(FusekiServer server) throws Exception {
        String query = "PREFIX kg: <https://w3id.org/lodestar/ns#> SELECT ?e { ?e kg:degree ?d } ORDER BY DESC(?d) ?e LIMIT 1";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + server.getHttpPort() + "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        String iri = r.body().lines().skip(1).findFirst().orElseThrow().trim();
        return "/view/" + iri.substring("http://localhost:8080/id/".length()) + ".json";
    }

    private static HttpResponse<String> view(FusekiServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailedFirstBuildStartsNoServer() throws Exception {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("bad.txt"), "nonsense\n");
        assertNull(start(new ServerSettings(0, null, seeds, "http://localhost:8080/", null, 10_000, SimilaritySettings.DEFAULT)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.txt:1: error"), err.toString(StandardCharsets.UTF_8));
    }
}
