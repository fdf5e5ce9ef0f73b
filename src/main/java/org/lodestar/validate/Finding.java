package org.lodestar.validate;

import org.lodestar.seed.Severity;

/**
 * One SHACL result, placed where a curator can act on it: the seed file and line the focus node
 * came from when known, and always the focus node and the shape.
 */
public record Finding(Severity severity, String place, String focus, String path, String message, String shape) {
    @Override
    public String toString() {
        String level = severity == Severity.ERROR ? "error" : "warning";
        return place + ": " + level + ": " + focus + (path.isEmpty() ? "" : " " + path) + ": " + message
                + " [" + shape + "]";
    }
}
