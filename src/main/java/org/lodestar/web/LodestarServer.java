package org.lodestar.web;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.lodestar.store.KnowledgeStore;

/**
 * The embedded Fuseki: dataset {@code /kg} with read endpoints for everyone and an update endpoint
 * only when a password file is given. Lodestar's own pages come in as a Fuseki module.
 */
public final class LodestarServer {
    public static final String DATASET = "/kg";

    private LodestarServer() {}

    public static FusekiServer build(ServerSettings settings, KnowledgeStore store) {
        // A public endpoint must not make the server fetch from arbitrary hosts.
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
        store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(settings.timeoutMillis()));
        // a writer that publishes: Fuseki's updates through the wrapper that publishes them (queries still run on TDB2)
        DataService.Builder service = DataService.newBuilder(store.writes())
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get")
                .addEndpoint(Operation.Shacl, "shacl");
        FusekiServer.Builder builder = FusekiServer.create().port(settings.port())
                // What monitoring scripts written for Fuseki expect: /$/ping, /$/stats, Prometheus /$/metrics.
                .enablePing(true).enableStats(true).enableMetrics(true)
                // all made at the start, by this thread: Linux gives a new thread its creator's nice
                // value, and a pool that grew later could grow from a reniced query thread
                .numServerThreads(RenderSlots.SERVER_THREADS, RenderSlots.SERVER_THREADS)
                .fusekiModules(FusekiModules.create(new LodestarModule(settings, store)));
        if (settings.passwd() != null) {
            service.addEndpoint(Operation.Update, "update", Auth.ANY_USER);
            builder.passwordFile(settings.passwd().toString()).auth(AuthScheme.BASIC);
        }
        FusekiServer server = builder.add(DATASET, service).build();
        org.eclipse.jetty.server.Server jetty = server.getJettyServer();
        try {
            jetty.setHandler(new RequestGuard(jetty.getHandler(), DATASET + "/update", settings.passwd()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("--passwd: " + settings.passwd() + ": " + e.getMessage(), e);
        }
        jetty.setErrorHandler(new RequestGuard.Errors());
        return server;
    }

    public static FusekiServer start(ServerSettings settings, KnowledgeStore store) {
        return build(settings, store).start();
    }
}
