package org.lodestar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The benchmark's HTTP client: plain HTTP/1.1 with keep-alive against the server under test, the
 * whole body read (a client that stops early would flatter a slow server).
 */
final class Http {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String root;

    /** @param root e.g. {@code http://localhost:41234} */
    Http(String root) {
        this.root = root;
    }

    /**
     * @param bytes the body as sent (compressed, when it was)
     * @param cache the server's {@code X-Cache} header (where the answer came from), or null
     * @param encoding its {@code Content-Encoding}, or null
     */
    record Response(int status, long nanos, int bytes, String cache, String encoding) {
        boolean ok() { return status == 200; }
    }

    Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT).header("Accept", accept).GET().build());
    }

    /** As a client that takes compressed answers asks (curl's {@code --compressed}); the body is not inflated. */
    Response getCompressed(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT).header("Accept", accept)
                .header("Accept-Encoding", "deflate, gzip").GET().build());
    }

    /** The body of {@code path} as text, or null when it is not a 200. */
    String text(String path, String accept) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A SPARQL query through the server's own endpoint, as a form POST (no URL length limit). */
    Response sparql(String query, String accept) {
        String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(root + "/kg/sparql")).timeout(TIMEOUT)
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), System.nanoTime() - start, r.body().length,
                    r.headers().firstValue("X-Cache").orElse(null), r.headers().firstValue("Content-Encoding").orElse(null));
        } catch (IOException e) {
            return new Response(-1, System.nanoTime() - start, 0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, System.nanoTime() - start, 0, null, null);
        }
    }
}
