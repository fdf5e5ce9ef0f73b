package org.lodestar.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command: its options, and what it does with a parsed command line. */
interface CliCommand {
    Options options();

    /** Positional arguments as the help shows them, e.g. {@code "PATH..."}; empty for none. */
    String arguments();

    /** @return the process exit code */
    int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException;
}
