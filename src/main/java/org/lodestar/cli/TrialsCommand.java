package org.lodestar.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.trials.FuzzTrial;
import org.lodestar.trials.HostileHttpTrial;

/**
 * {@code trials fuzz|http [OPTIONS]}: the reliability trials, each in {@code org.lodestar.trials}
 * with its own entry point; this command only hands the options over. Exit 0 when the trial found
 * nothing, 1 when it found something, 2 for a wrong command line.
 */
final class TrialsCommand implements CliCommand {
    private static final String[] OPTIONS = {"count", "seed", "timeout", "cli", "seeds", "keep"};

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("count").hasArg().argName("N").desc("fuzz: how many mutants (default 5000)").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("random seed; the same seed gives the same mutants (default 42)").get())
                .addOption(Option.builder().longOpt("timeout").hasArg().argName("MS").desc("fuzz: time one mutant may take before it counts as a hang (default 20000)").get())
                .addOption(Option.builder().longOpt("cli").hasArg().argName("N").desc("fuzz: how many mutants also go through the real command line (default 8)").get())
                .addOption(Option.builder().longOpt("keep").hasArg().argName("DIR").desc("fuzz: write every mutant that gave a finding into DIR, to reproduce it").get())
                .addOption(Option.builder().longOpt("seeds").hasArg().argName("DIR").desc("the real pages (default seeds/)").get());
    }

    @Override
    public String arguments() { return "fuzz|http"; }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        List<String> rest = line.getArgList();
        if (rest.size() != 1)
            throw new UsageException("name one trial: fuzz or http");
        List<String> args = new ArrayList<>();
        for (String o : OPTIONS)
            if (line.hasOption(o)) {
                args.add("--" + o);
                args.add(line.getOptionValue(o));
            }
        return switch (rest.get(0)) {
            case "fuzz" -> FuzzTrial.run(args, out);
            case "http" -> HostileHttpTrial.run(args, out);
            default -> throw new UsageException("unknown trial '" + rest.get(0) + "': fuzz or http");
        };
    }
}
