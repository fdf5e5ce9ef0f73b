package org.lodestar.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.atlas.json.JSON;
import org.lodestar.bench.Bench;
import org.lodestar.bench.BenchSettings;
import org.lodestar.bench.Report;
import org.lodestar.bench.Results;
import org.lodestar.store.BuildFailedException;

/**
 * {@code bench --entities N [--out FILE.json]}: generate, build, serve and measure in one run, each
 * figure beside its baseline (naive SPARQL, DESCRIBE, Jena's bulk loader, exact kNN).
 */
final class BenchCommand implements CliCommand {
    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("entities").hasArg().argName("N").desc("how many entities to generate (required)").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed of the generator and the samples (default 42)").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("write the figures as JSON here").get())
                .addOption(Option.builder().longOpt("work").hasArg().argName("DIR").desc("folder for the run's pages and databases (default: the system's temporary folder)").get())
                .addOption(Option.builder().longOpt("views").hasArg().argName("K").desc("distinct entities whose view is timed (default 1000)").get())
                .addOption(Option.builder().longOpt("requests").hasArg().argName("R").desc("dereferencing requests per side (default " + BenchSettings.REQUESTS + ")").get())
                .addOption(Option.builder().longOpt("clients").hasArg().argName("C").desc("concurrent dereferencing clients (default 32)").get())
                .addOption(Option.builder().longOpt("no-embed").desc("do not compute similarity links (no embed, similarity, recall figures)").get())
                .addOption(Option.builder().longOpt("measure").hasArg().argName("LIST")
                        .desc("which measurements to run, comma-separated, from " + String.join(",", BenchSettings.MEASUREMENTS)
                                + " (default: all; the build is always timed; similarity gives the embedding rate and recall)."
                                + " A partial run's figures do not compare with a full run's: loading reads the whole store and"
                                + " writes another before the views are timed").get())
                .addOption(Option.builder().longOpt("keep").desc("keep the work folder (pages, databases, dump) afterwards").get())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR")
                        .desc("instead of --entities: measure the TDB2 folder a --keep run left (its tdb2), as it is;"
                                + " only " + String.join(",", BenchSettings.OF_A_DATABASE)).get());
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        BenchSettings s = settings(line);
        try {
            Results results = new Bench().run(s, err);
            out.print(Report.table(results));
            if (s.out() != null) {
                try (OutputStream json = Files.newOutputStream(s.out())) {
                    JSON.write(json, results.toJson());
                }
                out.println("figures written to " + s.out());
            }
            return Main.OK;
        } catch (BuildFailedException e) {
            Lodestar.print(e.messages().stream().limit(50).toList(), err);
            err.println(e.getMessage());
            return Main.FAILED;
        } catch (IOException e) {
            err.println("bench: " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
    }

    static BenchSettings settings(CommandLine line) throws UsageException {
        Args.noArguments(line, "");
        if (line.hasOption("entities") == line.hasOption("db"))
            throw new UsageException(line.hasOption("db") ? "only one of --entities and --db"
                    : "--entities N is required (or --db DIR, to measure a kept database)");
        Path db = line.hasOption("db") ? Args.path(line, "db", null) : null;
        if (db != null && !Files.isDirectory(db))
            throw new UsageException("--db: " + db + " is not a folder");
        if (db != null && !isTdb2(db))
            throw new UsageException("--db: " + db + " is not a TDB2 database (it has no Data-NNNN folder)");
        Set<String> measure = measurements(line, db != null);
        Path out = line.hasOption("out") ? Args.path(line, "out", null) : null;
        return new BenchSettings((int) Args.number(line, "entities", 0, 1, 100_000_000),
                Args.number(line, "seed", GenerateCommand.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE), out,
                Args.path(line, "work", System.getProperty("java.io.tmpdir")),
                (int) Args.number(line, "views", BenchSettings.VIEWS, 1, 10_000_000),
                (int) Args.number(line, "requests", BenchSettings.REQUESTS, 1, 100_000_000),
                (int) Args.number(line, "clients", BenchSettings.CLIENTS, 1, 1024),
                !line.hasOption("no-embed"), line.hasOption("keep"), measure, db);
    }

    /** Opening any other folder would make an empty database in it, and measure that. */
    private static boolean isTdb2(Path db) throws UsageException {
        try (Stream<Path> inside = Files.list(db)) {
            return inside.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("Data-[0-9]+"));
        } catch (IOException e) {
            throw new UsageException("--db: " + db + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Set<String> measurements(CommandLine line, boolean ofADatabase) throws UsageException {
        List<String> allowed = ofADatabase ? BenchSettings.OF_A_DATABASE : BenchSettings.MEASUREMENTS;
        if (!line.hasOption("measure"))
            return Set.copyOf(allowed);
        Set<String> names = new LinkedHashSet<>();
        for (String name : String.join(",", line.getOptionValues("measure")).split(",", -1)) {
            if (!allowed.contains(name.strip()))
                throw new UsageException("--measure: " + (name.isBlank() ? "an empty name" : "'" + name.strip() + "'")
                        + " is not a measurement" + (ofADatabase ? " of a kept database (--db)" : "") + "; choose from "
                        + String.join(",", allowed));
            names.add(name.strip());
        }
        return Set.copyOf(names);
    }
}
