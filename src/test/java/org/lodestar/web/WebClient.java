package org.lodestar.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.InflaterInputStream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ParameterizedSparqlString;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/** Test helpers: build seed folders into a store, start the server on a free port, send requests. */
final class WebClient {
    static final String BASE = "http://localhost:8080/";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final FusekiServer server;

    WebClient(FusekiServer server) { this.server = server; }

    static KnowledgeStore build(Path seeds) throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        buildInto(store, seeds);
        return store;
    }

    /** Builds {@code seeds} into {@code store}, as {@code build} does. */
    static void buildInto(KnowledgeStore store, Path seeds) throws Exception {
        new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE)), false).run(store, SeedFiles.folder(seeds));
    }

    /** A TDB2 store on disk in {@code db}, built from {@code seeds}. */
    static KnowledgeStore buildOnDisk(Path db, Path seeds) throws Exception {
        KnowledgeStore store = KnowledgeStore.open(db);
        buildInto(store, seeds);
        return store;
    }

    /** Gives the seed page {@code page} the description {@code text} (its fourth line), as a curator's edit would. */
    static void describeAs(Path page, String text) throws Exception {
        String before = Files.readString(page);
        Files.writeString(page, before.replace(before.lines().skip(3).findFirst().orElseThrow(), text));
    }

    /** A SPARQL update that gives {@code entity} the description {@code text}, in the graph that holds its description. */
    static String describeAs(String entity, String text) {
        ParameterizedSparqlString update = new ParameterizedSparqlString(
                "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                + "DELETE { GRAPH ?g { ?entity dcterms:description ?d } }\n"
                + "INSERT { GRAPH ?g { ?entity dcterms:description ?text } }\n"
                + "WHERE { GRAPH ?g { ?entity dcterms:description ?d } }");
        update.setIri("entity", entity);
        update.setLiteral("text", text);
        return update.toString();
    }

    static FusekiServer start(KnowledgeStore store, Path passwd) {
        return LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), BASE, passwd, 10_000, SimilaritySettings.IMPORTED_ONLY), store);
    }

    /** A seed folder in {@code dir} with the given pages (file name, then text, alternately). */
    static Path seeds(Path dir, String... pages) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < pages.length; i += 2)
            Files.writeString(dir.resolve(pages[i]), pages[i + 1]);
        return dir;
    }

    String origin() { return "http://localhost:" + server.getHttpPort(); }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2)
            if (headers[i + 1] != null)
                b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    static String header(HttpResponse<?> r, String name) { return r.headers().firstValue(name).orElse(null); }

    /** A body sent in the {@code deflate} content coding (zlib), as it was before. */
    static byte[] inflate(byte[] deflated) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            return in.readAllBytes();
        }
    }

    static List<String> headers(HttpResponse<?> r, String name) { return r.headers().allValues(name); }

    /** Media type of the Content-Type header, without parameters. */
    static String mediaType(HttpResponse<?> r) {
        String ct = header(r, "Content-Type");
        return ct == null ? null : ct.replaceFirst(";.*", "").strip();
    }
}
