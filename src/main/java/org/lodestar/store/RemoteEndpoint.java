package org.lodestar.store;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;

/**
 * A SPARQL 1.1 query endpoint of another store, and how to reach it: one HTTP client with a
 * connect timeout, a timeout for each query's answer, and HTTP Basic credentials sent with every
 * request (sent up front: a store that answers anonymous reads would otherwise never ask for them).
 *
 * @param url            the query endpoint, e.g. {@code http://host:3030/kg/sparql}
 * @param user           null for anonymous reads
 * @param connectMillis  how long to wait for a connection
 * @param queryMillis    how long to wait for a query's answer to begin
 */
public record RemoteEndpoint(String url, String user, String password, long connectMillis, long queryMillis) {
    public RemoteEndpoint {
        URI.create(url); // malformed is refused by the command line before this
    }

    /** The client: one per endpoint, so connections are kept alive between requests. */
    HttpClient client() {
        return CLIENTS.computeIfAbsent(this, e -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(e.connectMillis))
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Plain HTTP/1.1: an offer to upgrade to HTTP/2 on a request with a body is one more
                // thing a store's HTTP server can get wrong, and a query gains nothing from HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    private static final java.util.Map<RemoteEndpoint, HttpClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The rows of a SELECT query, read whole before they are returned, so that a store that fails
     * half way fails here, inside the request, and no connection is left open by a caller that
     * stops early. {@code substitution} binds the query's variables (Jena rewrites the syntax tree;
     * no value is ever pasted into the text).
     */
    RowSetRewindable select(Query query, Binding substitution) {
        QueryExecHTTPBuilder b = QueryExecHTTP.service(url).httpClient(client()).query(query)
                .timeout(queryMillis, TimeUnit.MILLISECONDS)
                // A long query goes as an HTML form (SPARQL 1.1 Protocol, "query via URL-encoded
                // POST"), which every store reads; Virtuoso 7 never answers Jena's default for a
                // long query, a POST of the bare query (application/sparql-query).
                .sendMode(QuerySendMode.asGetWithLimitForm);
        if (substitution != null && !substitution.isEmpty())
            b.substitution(substitution);
        if (user != null)
            b.httpHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
        try (QueryExecHTTP qe = b.build()) {
            RowSet rows = qe.select();
            return rows.rewindable();
        }
    }

    @Override
    public String toString() { return url; }

    // The password never goes into logs or messages.
    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteEndpoint e && e.url.equals(url) && java.util.Objects.equals(e.user, user)
                && java.util.Objects.equals(e.password, password) && e.connectMillis == connectMillis && e.queryMillis == queryMillis;
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(url, user, connectMillis, queryMillis); }
}
