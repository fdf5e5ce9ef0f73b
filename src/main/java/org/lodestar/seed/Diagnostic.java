package org.lodestar.seed;

import java.util.Objects;

/**
 * One finding about a seed file, always with its place, so that a person can open the file at
 * the right line. Line numbers are 1-based.
 */
public record Diagnostic(String file, int line, Severity severity, String message) {

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /**
     * {@code FILE:LINE: error: message} or {@code FILE:LINE: warning: message}, as compilers print
     * them, on one line: characters a terminal would act on are shown as {@code U+001B}.
     */
    @Override
    public String toString() {
        String level = severity == Severity.ERROR ? "error" : "warning";
        return Printable.of(file) + ":" + line + ": " + level + ": " + Printable.of(message);
    }
}
