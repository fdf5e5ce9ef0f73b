package org.lodestar.seed;

/** How bad a {@link Diagnostic} is: an error stops the page from being written, a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}
