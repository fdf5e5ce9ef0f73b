package org.lodestar.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one file, so that every part of the parser reports with file and line. */
final class Diagnostics {

    private final String file;
    private final List<Diagnostic> found = new ArrayList<>();
    private boolean dependsOnNames;

    Diagnostics(String file) {
        this.file = file;
    }

    void error(int line, String message) {
        found.add(new Diagnostic(file, line, Severity.ERROR, message));
    }

    void warning(int line, String message) {
        found.add(new Diagnostic(file, line, Severity.WARNING, message));
    }

    /** A member line's split depended, or would depend, on the names other pages give. */
    void dependsOnNames() {
        dependsOnNames = true;
    }

    boolean namesMattered() {
        return dependsOnNames;
    }

    boolean hasErrors() {
        return found.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** In line order; stable, so two findings on one line keep the order they were found in. */
    List<Diagnostic> inLineOrder() {
        List<Diagnostic> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Diagnostic::line));
        return List.copyOf(sorted);
    }
}
