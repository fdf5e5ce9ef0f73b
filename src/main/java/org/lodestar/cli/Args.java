package org.lodestar.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** Reads option values and says which option is wrong when one is. */
final class Args {
    private Args() {}

    /** Refuses positional arguments for a command that takes only options; {@code hint} may be empty. */
    static void noArguments(CommandLine line, String hint) throws UsageException {
        if (!line.getArgList().isEmpty())
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'" + hint);
    }

    static Path path(CommandLine line, String option, String fallback) throws UsageException {
        String value = line.getOptionValue(option, fallback);
        try {
            return Path.of(value).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--" + option + ": '" + value + "' is not a usable path");
        }
    }

    static String base(CommandLine line) throws UsageException {
        String value = line.getOptionValue("base", "http://localhost:8080/");
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))
                    || uri.getQuery() != null || uri.getFragment() != null)
                throw new URISyntaxException(value, "need an absolute http(s) URI without query or fragment");
        } catch (URISyntaxException e) {
            throw new UsageException("--base: '" + value + "' is not an absolute http(s) URI without query or fragment");
        }
        return value.endsWith("/") ? value : value + "/";
    }

    static long number(CommandLine line, String option, long fallback, long min, long max) throws UsageException {
        String value = line.getOptionValue(option);
        if (value == null)
            return fallback;
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max)
                throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": '" + value + "' is not a whole number from " + min + " to " + max);
        }
    }
}
