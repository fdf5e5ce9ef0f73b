package org.lodestar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.BuildReport;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;

/** {@code build [--seeds DIR] [--db DIR] [--base URI] [--strict]}. */
final class BuildCommand implements CliCommand {
    static final String DEFAULT_SEEDS = "seeds", DEFAULT_DB = "data/tdb2";

    record Settings(Path seeds, Path db, String base, boolean strict) {}

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("DIR").desc("seed pages (default seeds/)").build())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("TDB2 database folder (default data/tdb2)").build())
                .addOption(Option.builder().longOpt("base").hasArg().argName("URI").desc("base of minted URIs (default http://localhost:8080/)").build())
                .addOption(Option.builder().longOpt("strict").desc("treat warnings as errors").build());
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (!line.getArgList().isEmpty())
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "' (use --seeds DIR)");
        Settings s = new Settings(Args.path(line, "seeds", DEFAULT_SEEDS), Args.path(line, "db", DEFAULT_DB),
                Args.base(line), line.hasOption("strict"));
        return build(s.seeds(), s.base(), s.strict(), KnowledgeStore.open(s.db()), out, err);
    }

    /** Shared with {@code serve}, which builds into an empty database before it starts. */
    static int build(Path seeds, String base, boolean strict, KnowledgeStore store, PrintStream out, PrintStream err)
            throws UsageException {
        var pages = Lodestar.pages(java.util.List.of(seeds), "--seeds");
        try {
            BuildReport report = new SeedBuild(Lodestar.pipeline(base), strict).run(store, pages);
            out.println("built " + pages.size() + " page(s) into " + store + ": " + report);
            return Main.OK;
        } catch (BuildFailedException e) {
            Lodestar.print(e.messages(), err);
            err.println(e.getMessage());
            return Main.FAILED;
        }
    }
}
