package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Pattern;
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
            assertTrue(err.toString(StandardCharsets.UTF_8).isEmpty(), err.toString(StandardCharsets.UTF_8));
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerShowingOtherSimilarityLinksThanTheBuildSaysItsStoredViewsAreNotRead() throws Exception {
        Path seeds = dir.resolve("seeds"), db = dir.resolve("tdb2");
        new Generator(Ontology.load()).generate(300, 7, seeds); // power-law degrees: some entities have stored views
        FusekiServer built = start(new ServerSettings(0, db, seeds, "http://localhost:8080/", null, 10_000, SimilaritySettings.IMPORTED_ONLY));
        built.stop();
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("stored views"), err.toString(StandardCharsets.UTF_8));
        FusekiServer other = start(new ServerSettings(0, db, seeds, "http://localhost:8080/", null, 10_000, SimilaritySettings.DEFAULT));
        try {
            assertTrue(Pattern.compile("note: the [0-9,]+ stored views \\(built with --similarity imported\\) are not read by this server"
                    + " \\(--similarity both --threshold 0.65\\)").matcher(err.toString(StandardCharsets.UTF_8)).find(),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            other.stop();
        }
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
