package org.lodestar.cli;

import java.io.PrintStream;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RecordedBase;
import org.lodestar.store.RemoteEndpoint;
import org.lodestar.store.RemoteFailure;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * {@code serve --sparql URL}: the same site over another store. Before the server listens, one
 * lookup asks the store for the base its Lodestar dataset was built under; a store that is down,
 * slow or holds no Lodestar dataset is a one-line error (exit 2), not a server that fails later.
 */
final class RemoteServe {
    private RemoteServe() {}

    static FusekiServer start(ServerSettings given, RemoteEndpoint endpoint, PrintStream out) throws UsageException {
        Preflight.port(given.port());
        KnowledgeStore store = KnowledgeStore.remote(endpoint);
        Set<String> recorded;
        try {
            recorded = RecordedBase.of(store.dataset());
        } catch (RuntimeException e) {
            throw new UsageException("--sparql: " + RemoteFailure.of(e, endpoint).map(RemoteFailure::message)
                    .orElse(endpoint.url() + ": " + e.getMessage()), false);
        }
        if (recorded.isEmpty())
            throw new UsageException("--sparql: " + endpoint.url() + " holds no Lodestar dataset (no <{base}graph/derived> kg:derivationStamp):"
                    + " load a server's /dump/lodestar.nt.gz into it", false);
        if (recorded.size() > 1)
            throw new UsageException("--sparql: " + endpoint.url() + " holds data built under several bases (" + String.join(", ", recorded) + ")", false);
        String base = recorded.iterator().next();
        if (given.base() != null && !given.base().equals(base))
            throw new UsageException("--base: the store at " + endpoint.url() + " holds data built with --base " + base + ", not " + given.base(), false);
        // No database folder: no rendered documents and no search index on disk (it is made in memory).
        ServerSettings s = new ServerSettings(given.port(), null, given.seeds(), base, null, given.timeoutMillis(),
                given.similarity(), given.cacheMegabytes());
        FusekiServer server = LodestarServer.start(s, store);
        String origin = "http://localhost:" + server.getHttpPort();
        out.println("Lodestar serving " + store + (s.base().equals(origin + "/") ? "" : ", URIs under " + s.base()));
        out.println("  home page        " + origin + "/");
        out.println("  query editor     " + origin + "/query");
        out.println("  SPARQL endpoint  " + origin + LodestarServer.DATASET + "/sparql");
        return server;
    }
}
