package org.lodestar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code java -jar lodestar.jar COMMAND [OPTIONS]}. Exit codes: 0 success, 1 the data failed
 * (parse errors, shapes violations, a failed build), 2 the command line was wrong.
 */
public final class Main {
    static final int OK = 0, FAILED = 1, USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // serve returns only after the server stops; all other commands end here
        System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            overview(args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : OK;
        }
        Optional<Command> command = Command.named(args[0]);
        if (command.isEmpty()) {
            err.println("lodestar: unknown command '" + args[0] + "'");
            overview(err);
            return USAGE;
        }
        Command c = command.get();
        CliCommand cmd = c.factory.get();
        Options options = cmd.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, rest);
            if (line.hasOption("help")) {
                help(c, cmd, options, out);
                return OK;
            }
            return cmd.run(line, out, err);
        } catch (ParseException | UsageException e) {
            err.println("lodestar " + c.name + ": " + e.getMessage());
            if (!(e instanceof UsageException u) || u.suggestHelp())
                err.println("Try 'lodestar " + c.name + " --help'.");
            return USAGE;
        }
    }

    private static void overview(PrintStream s) {
        s.println("usage: java -jar lodestar.jar COMMAND [OPTIONS]  (COMMAND --help for its options)");
        for (Command c : Command.values())
            s.printf("  %-10s %s%n", c.name, c.help);
    }

    private static void help(Command c, CliCommand cmd, Options options, PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        TextHelpAppendable text = new TextHelpAppendable(w);
        text.setMaxWidth(100);
        try {
            HelpFormatter.builder().setShowSince(false).setHelpAppendable(text).get()
                    .printHelp("lodestar " + c.name + " [OPTIONS] " + cmd.arguments(), c.help, options, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.flush();
    }
}
