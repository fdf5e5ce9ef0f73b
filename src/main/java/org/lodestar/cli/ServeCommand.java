package org.lodestar.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.fuseki.main.FusekiServer;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.replica.PatchPublisher;
import org.lodestar.replica.PublishFailedException;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RemoteEndpoint;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/** {@code serve [--port N] [--db DIR | --mem | --sparql URL [--sparql-user U] [--connect-timeout MS]] [--seeds DIR] [--base URI] [--passwd FILE] [--timeout MS] [--similarity MODE] [--threshold X] [--k N]}. */
final class ServeCommand implements CliCommand {
    /** Where {@code --sparql-user}'s password comes from: not the command line, which {@code ps} shows. */
    static final String PASSWORD_ENV = "LODESTAR_SPARQL_PASSWORD";
    static final long DEFAULT_CONNECT_MS = 5_000;

    @Override
    public Options options() {
        return Replication.options(BuildCommand.similarityOptions(new Options()
                .addOption(Option.builder().longOpt("port").hasArg().argName("N").desc("HTTP port (default 8080; 0 picks a free one)").get())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("TDB2 database folder (default data/tdb2)").get())
                .addOption(Option.builder().longOpt("mem").desc("in-memory database, built from the seeds at start").get())
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("DIR").desc("seed pages to build an empty database from (default seeds/)").get())
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base of minted URIs (default: the one the database was built with, else http://localhost:8080/)").get())
                .addOption(Option.builder().longOpt("passwd").hasArg().argName("FILE").desc("password file (user: password lines); enables /kg/update with Basic auth").get())
                .addOption(Option.builder().longOpt("timeout").hasArg().argName("MS").desc("query timeout in milliseconds (default 10000)").get())
                .addOption(Option.builder().longOpt("sparql").hasArg().argName("URL")
                        .desc("serve a Lodestar dataset held by another SPARQL 1.1 store, read through its query endpoint (instead of --db/--mem)").get())
                .addOption(Option.builder().longOpt("sparql-user").hasArg().argName("USER")
                        .desc("HTTP Basic user for --sparql; the password is read from the environment variable " + PASSWORD_ENV).get())
                .addOption(Option.builder().longOpt("connect-timeout").hasArg().argName("MS")
                        .desc("with --sparql: how long to wait for a connection to the store (default " + DEFAULT_CONNECT_MS + "); --timeout bounds each query's answer").get())
                .addOption(Option.builder().longOpt("cache").hasArg().argName("MB").desc("memory for rendered views and documents kept for the next request; 0 keeps none (default "
                        + ServerSettings.DEFAULT_CACHE_MB + ")").get())), true);
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        ServerSettings s = settings(line);
        RemoteEndpoint remote = remote(line, s);
        Replication replication = Replication.of(line);
        ServerLogging.setUp();
        FusekiServer server = remote != null ? RemoteServe.start(s, remote, out) : start(s, replication, out, err);
        if (server == null)
            return Main.FAILED;
        server.join();
        return Main.OK;
    }

    /**
     * Opens the database, builds the seeds into it when it is empty, and starts the server.
     *
     * @return the running server, or null when the first build failed (its messages are on {@code err})
     */
    static FusekiServer start(ServerSettings given, PrintStream out, PrintStream err) throws UsageException {
        return start(given, Replication.NONE, out, err);
    }

    /** As {@link #start(ServerSettings, PrintStream, PrintStream)}, as a writer that publishes its builds or as a replica. */
    static FusekiServer start(ServerSettings given, Replication replication, PrintStream out, PrintStream err) throws UsageException {
        if (replication.replicaOf() != null)
            return ReplicaStart.start(given, replication, out, err);
        // Every option is checked before the database is opened (TDB2 makes its folder on opening)
        // and before anything is built: a port in use is found now, not after the build.
        Preflight.port(given.port());
        boolean fresh = given.db() == null || !Files.exists(given.db());
        List<SeedFile> pages = fresh ? pages(given) : null;
        Path made = given.db() == null ? null : Preflight.toBeMade(given.db());
        var beside = given.db() == null ? null : Preflight.besideFiles(given.db());
        KnowledgeStore store = given.db() == null ? KnowledgeStore.inMemory() : Preflight.open(given.db());
        ServerSettings s = given.withBase(Args.base(given.base(), store, given.db()));
        int built;
        // a writer applies first what the log holds past its own position (PatchPublisher), then publishes its
        // first build and, while it serves, every SPARQL update
        PatchPublisher publisher = null;
        try {
            publisher = replication.publish() == null ? null : PatchPublisher.open(replication.publish(), store.dataset());
            if (publisher != null)
                store.publishing(publisher);
            built = store.isEmpty() ? BuildCommand.build(pages != null ? pages : pages(s), s.base(), false, s.similarity(), s.db(), store,
                    out, err) : Main.OK;
        } catch (PublishFailedException e) {
            err.println("serve: " + e.getMessage());
            built = Main.FAILED;
        }
        if (built != Main.OK && publisher != null)
            publisher.close();
        else if (publisher != null)
            Runtime.getRuntime().addShutdownHook(new Thread(publisher::close));
        if (built != Main.OK) {
            if (made != null)
                Preflight.removeMade(s.db(), made, store, beside);
            return null;
        }
        FusekiServer server = LodestarServer.start(s, store);
        started(server, store, s, out);
        return server;
    }

    /** The lines {@code serve} prints once it listens. */
    static void started(FusekiServer server, KnowledgeStore store, ServerSettings s, PrintStream out) {
        String origin = "http://localhost:" + server.getHttpPort();
        out.println("Lodestar serving " + store + (s.base().equals(origin + "/") ? "" : ", URIs under " + s.base()));
        out.println("  home page        " + origin + "/");
        out.println("  query editor     " + origin + "/query");
        out.println("  SPARQL endpoint  " + origin + LodestarServer.DATASET + "/sparql");
    }

    /** {@code --sparql} and its options checked, or null when the server reads a database of its own. */
    static RemoteEndpoint remote(CommandLine line, ServerSettings s) throws UsageException {
        if (!line.hasOption("sparql")) {
            for (String o : List.of("sparql-user", "connect-timeout"))
                if (line.hasOption(o))
                    throw new UsageException("--" + o + " needs --sparql");
            return null;
        }
        for (String o : List.of("db", "mem", "seeds", "passwd", "publish", "replica-of", "snapshot", "topic"))
            if (line.hasOption(o))
                throw new UsageException("only one of --sparql and --" + o + " (a remote store is read as it is, never built or updated here)");
        String url = line.getOptionValue("sparql");
        try {
            java.net.URI uri = new java.net.URI(url);
            if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://")))
                throw new java.net.URISyntaxException(url, "not http(s)");
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--sparql: '" + url + "' is not an http(s) URL of a SPARQL query endpoint");
        }
        String user = line.getOptionValue("sparql-user");
        String password = user == null ? null : System.getenv(PASSWORD_ENV);
        if (user != null && password == null)
            throw new UsageException("--sparql-user: set the password in the environment variable " + PASSWORD_ENV);
        return new RemoteEndpoint(url, user, password, Args.number(line, "connect-timeout", DEFAULT_CONNECT_MS, 1, Integer.MAX_VALUE),
                s.timeoutMillis());
    }

    private static List<SeedFile> pages(ServerSettings s) throws UsageException {
        Preflight.seeds(s.seeds());
        return Lodestar.pages(List.of(s.seeds()), "--seeds");
    }

    static ServerSettings settings(CommandLine line) throws UsageException {
        if (line.hasOption("db") && line.hasOption("mem"))
            throw new UsageException("only one of --db and --mem");
        Args.noArguments(line, "");
        var passwd = line.hasOption("passwd") ? Args.path(line, "passwd", null) : null;
        if (passwd != null && !Files.isReadable(passwd))
            throw new UsageException("--passwd: cannot read " + passwd);
        return new ServerSettings(
                (int) Args.number(line, "port", 8080, 0, 65535),
                line.hasOption("mem") ? null : Args.path(line, "db", BuildCommand.DEFAULT_DB),
                Args.path(line, "seeds", BuildCommand.DEFAULT_SEEDS),
                Args.givenBase(line),
                passwd,
                Args.number(line, "timeout", 10_000, 1, Long.MAX_VALUE),
                BuildCommand.similarity(line),
                Args.number(line, "cache", ServerSettings.DEFAULT_CACHE_MB, 0, 1 << 20));
    }
}
