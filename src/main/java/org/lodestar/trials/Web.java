package org.lodestar.trials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The trials' HTTP client: HTTP/1.1 with keep-alive, whole bodies read, failures as status -1. */
final class Web {
    /** @param retryAfter the {@code Retry-After} header, null when absent: a 503 with it is a refusal, one without a cut query */
    record Answer(int status, String body, String cache, String retryAfter, long nanos) {
        boolean ok() { return status == 200; }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String origin;
    private final Duration timeout;

    Web(String origin, Duration timeout) {
        this.origin = origin;
        this.timeout = timeout;
    }

    Answer get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).timeout(timeout).header("Accept", accept).GET().build());
    }

    Answer sparql(String query, String accept) {
        return send(form("/kg/sparql", "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).header("Accept", accept).build());
    }

    Answer update(String update, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(form("/kg/update", "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + auth).build());
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(origin + path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Waits until {@code /$/ping} answers 200; false after {@code seconds}. */
    boolean awaitPing(int seconds) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (get("/$/ping", "*/*").ok())
                return true;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Cache").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null, null, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", null, null, System.nanoTime() - start);
        }
    }
}
