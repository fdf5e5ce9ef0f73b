package org.lodestar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.lodestar.replica.Replica;
import org.lodestar.replica.Snapshot;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * {@code serve --replica-of}: no build from seeds; an empty database is loaded from the snapshot
 * when one is given; then what the log holds is applied before the server listens (so that it
 * answers with the writer's data, under the writer's base), and the log is followed from then on.
 * A log that cannot be reached does not stop a replica: it serves what it has.
 */
final class ReplicaStart {
    /** How long the start waits to apply what the log holds before it serves what it has. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private ReplicaStart() {}

    static FusekiServer start(ServerSettings given, Replication replication, PrintStream out, PrintStream err) throws UsageException {
        Preflight.port(given.port());
        Path db = given.db();
        KnowledgeStore store = Preflight.open(db);
        if (store.isEmpty() && replication.snapshot() != null) {
            try {
                long quads = Snapshot.load(store.dataset(), replication.snapshot());
                out.println("loaded " + quads + " quads from " + replication.snapshot());
            } catch (RuntimeException e) {
                err.println("serve: --snapshot " + replication.snapshot() + ": " + e.getMessage());
                return null;
            }
        }
        Replica replica = new Replica(replication.replicaOf(), store.dataset(), "lodestar-replica-" + Uris.hash(db.toAbsolutePath().toString(), 12), out);
        long applied = replica.catchUp(CATCH_UP);
        out.println("replica of " + replication.replicaOf() + ": applied " + applied + " change(s)");
        ServerSettings s = given.withBase(Args.base(given.base(), store, db));
        FusekiServer server = LodestarServer.start(s, store);
        replica.start();
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        ServeCommand.started(server, store, s, out);
        return server;
    }
}
