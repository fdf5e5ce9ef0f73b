package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.trials.CrashTrial;
import org.lodestar.trials.DiskFullTrial;
import org.lodestar.trials.Fingerprint;
import org.lodestar.trials.FuzzTrial;
import org.lodestar.trials.HostileHttpTrial;
import org.lodestar.trials.LoadTrial;
import org.lodestar.trials.UpdateTrial;

/**
 * {@code trials TRIAL [OPTIONS]}: the reliability trials, each against real child processes
 * ({@code build}, {@code serve}) that it kills, starves or loads. Exit 0 when every check held,
 * 1 when one failed (each printed as {@code FAILED: …}).
 * <ul>
 * <li>{@code crash [--runs N] [--pages N]}: kill -9 during incremental builds</li>
 * <li>{@code update [--runs N] [--pages N]}: kill -9 during authenticated SPARQL updates</li>
 * <li>{@code diskfull [--pages N]}: a build on a full file system</li>
 * <li>{@code load [--entities N] [--clients N] [--seconds N] [--heap SIZE]}: concurrent clients and expensive queries</li>
 * <li>{@code fingerprint --db DIR}: the fingerprint of every graph (what the trials compare)</li>
 * <li>{@code fuzz [--count N] [--timeout MS] [--cli N] [--seeds DIR] [--keep DIR]}: damaged pages</li>
 * <li>{@code http}: hostile requests on every route</li>
 * </ul>
 */
final class TrialsCommand implements CliCommand {
    /** The options the fuzz and HTTP trials read themselves, handed over as they were given. */
    private static final String[] FORWARDED = {"count", "seed", "timeout", "cli", "seeds", "keep"};

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("runs").hasArg().argName("N").desc("kills (crash: default 20; update: default 10)").get())
                .addOption(Option.builder().longOpt("pages").hasArg().argName("N").desc("generated pages (crash: default 3000; update, diskfull: default 200)").get())
                .addOption(Option.builder().longOpt("entities").hasArg().argName("N").desc("load: generated entities (default 20000)").get())
                .addOption(Option.builder().longOpt("clients").hasArg().argName("N").desc("load: concurrent clients (default 200)").get())
                .addOption(Option.builder().longOpt("seconds").hasArg().argName("N").desc("load: seconds per heap (default 60)").get())
                .addOption(Option.builder().longOpt("heaps").hasArg().argName("LIST").desc("load: server heaps to try, comma-separated, 'default' for the JVM's (default: default,512m)").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed (default 42)").get())
                .addOption(Option.builder().longOpt("work").hasArg().argName("DIR").desc("working folder (default: a new folder under /tmp); crash and load use again the database an earlier run built there").get())
                .addOption(Option.builder().longOpt("serve-every").hasArg().argName("N").desc("crash: start and check the server after every N kills and after the last; 0 never (default 1)").get())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR").desc("fingerprint: the TDB2 database").get())
                .addOption(Option.builder().longOpt("count").hasArg().argName("N").desc("fuzz: how many mutants (default 5000)").get())
                .addOption(Option.builder().longOpt("timeout").hasArg().argName("MS").desc("fuzz: time one mutant may take before it counts as a hang (default 20000)").get())
                .addOption(Option.builder().longOpt("cli").hasArg().argName("N").desc("fuzz: how many mutants also go through the real command line (default 8)").get())
                .addOption(Option.builder().longOpt("keep").hasArg().argName("DIR").desc("fuzz: write every mutant that gave a finding into DIR, to reproduce it").get())
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("DIR").desc("fuzz, http: the real pages (default seeds/)").get());
    }

    @Override
    public String arguments() { return "crash|update|diskfull|load|fuzz|http|fingerprint"; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        List<String> args = line.getArgList();
        if (args.size() != 1)
            throw new UsageException("name one trial: " + arguments());
        String trial = args.get(0);
        if (trial.equals("fuzz") || trial.equals("http")) {
            List<String> forwarded = new ArrayList<>();
            for (String o : FORWARDED)
                if (line.hasOption(o)) {
                    forwarded.add("--" + o);
                    forwarded.add(line.getOptionValue(o));
                }
            return trial.equals("fuzz") ? FuzzTrial.run(forwarded, out) : HostileHttpTrial.run(forwarded, out);
        }
        long seed = Args.number(line, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            List<String> failures = switch (trial) {
                case "fingerprint" -> {
                    Path db = Args.path(line, "db", null);
                    if (db == null)
                        throw new UsageException("--db DIR is required");
                    if (!java.nio.file.Files.isDirectory(db))
                        throw new UsageException("--db: " + db + ": no such database folder");
                    Preflight.notHeld(db);
                    for (Map.Entry<String, String> e : Fingerprint.of(db).entrySet())
                        out.println("fingerprint " + e.getValue() + " " + e.getKey());
                    yield List.of();
                }
                case "crash" -> new CrashTrial(new CrashTrial.Settings((int) Args.number(line, "runs", 20, 1, 10_000),
                        (int) Args.number(line, "pages", 3000, 20, 1_000_000), seed, (int) Args.number(line, "serve-every", 1, 0, 10_000), 30, true),
                        work(line, "crash"), out).run();
                case "update" -> new UpdateTrial((int) Args.number(line, "runs", 10, 1, 10_000),
                        (int) Args.number(line, "pages", 200, 20, 1_000_000), seed, work(line, "update"), out).run();
                case "diskfull" -> new DiskFullTrial((int) Args.number(line, "pages", 200, 20, 1_000_000), seed,
                        work(line, "diskfull"), out).run();
                case "load" -> new LoadTrial(new LoadTrial.Settings((int) Args.number(line, "entities", 20_000, 100, 10_000_000),
                        (int) Args.number(line, "clients", 200, 1, 10_000), (int) Args.number(line, "seconds", 60, 1, 86_400),
                        List.of(line.getOptionValue("heaps", "default,512m").split(",")), seed), work(line, "load"), out).run();
                default -> throw new UsageException("'" + trial + "' is not a trial: " + arguments());
            };
            if (!failures.isEmpty()) {
                err.println(trial + ": " + failures.size() + " check(s) failed");
                return Main.FAILED;
            }
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            err.println("trials " + trial + ": " + e.getMessage());
            return Main.FAILED;
        }
    }

    private static Path work(CommandLine line, String trial) throws UsageException {
        Path given = Args.path(line, "work", null);
        return given != null ? given : Path.of(System.getProperty("java.io.tmpdir"), "lodestar-trials-" + trial + "-" + ProcessHandle.current().pid());
    }
}
