package org.lodestar.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RecordedBase;

/** Reads option values and says which option is wrong when one is. */
final class Args {
    static final String DEFAULT_BASE = "http://localhost:8080/";

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
        String value = line.getOptionValue("base", DEFAULT_BASE);
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

    /**
     * The base for a database: the one it was built under unless {@code --base} is given, which
     * must then be that one; the default for a database nothing was built into.
     *
     * @param given {@code --base} checked, or null when the option is not given
     */
    static String base(String given, KnowledgeStore store, Path db) throws UsageException {
        Set<String> recorded = RecordedBase.of(store.dataset());
        if (recorded.size() > 1)
            throw new UsageException("--db: " + db + " holds data built under several bases (" + String.join(", ", recorded)
                    + "): build into a new --db", false);
        if (given == null)
            return recorded.isEmpty() ? DEFAULT_BASE : recorded.iterator().next();
        if (!recorded.isEmpty() && !recorded.contains(given))
            throw new UsageException("--base: the database at " + db + " was built with --base " + recorded.iterator().next()
                    + ", not " + given + " (leave --base out to use it, or build into another --db)", false);
        return given;
    }

    /** {@code --base} checked, or null when it is not given. */
    static String givenBase(CommandLine line) throws UsageException {
        return line.hasOption("base") ? base(line) : null;
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
