package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;

/** {@code generate --entities N [--seed S] --out DIR}: synthetic seed pages for benchmarks. */
final class GenerateCommand implements CliCommand {
    static final long DEFAULT_SEED = 42;

    record Settings(int entities, long seed, Path out) {}

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("entities").hasArg().argName("N").desc("how many entities (required)").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed; the same seed gives the same pages (default 42)").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("folder to write the pages into, new or empty (required)").get());
    }

    @Override
    public String arguments() { return ""; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Settings s = settings(line);
        try {
            Generator.Summary summary = new Generator(Ontology.load()).generate(s.entities(), s.seed(), s.out());
            out.println("generated " + summary + " into " + s.out());
            return Main.OK;
        } catch (IOException e) {
            err.println("--out: " + e.getMessage());
            return Main.FAILED;
        }
    }

    static Settings settings(CommandLine line) throws UsageException {
        Args.noArguments(line, "");
        if (!line.hasOption("entities"))
            throw new UsageException("--entities N is required");
        if (!line.hasOption("out"))
            throw new UsageException("--out DIR is required");
        return new Settings((int) Args.number(line, "entities", 0, 1, 100_000_000),
                Args.number(line, "seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
                Args.path(line, "out", null));
    }
}
