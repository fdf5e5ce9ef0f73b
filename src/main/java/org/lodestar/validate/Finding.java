package org.lodestar.validate;

import java.util.Comparator;
import org.lodestar.seed.Severity;

/**
 * One SHACL result, placed where a curator can act on it: the seed file and line the focus node
 * came from when known, and always the focus node and the shape.
 */
public record Finding(Severity severity, String place, String focus, String path, String message, String shape) {
    /** The order findings are reported in: by place, then focus node, shape, path and message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::place).thenComparing(Finding::focus)
            .thenComparing(Finding::shape).thenComparing(Finding::path).thenComparing(Finding::message);

    @Override
    public String toString() {
        String level = severity == Severity.ERROR ? "error" : "warning";
        return place + ": " + level + ": " + focus + (path.isEmpty() ? "" : " " + path) + ": " + message
                + " [" + shape + "]";
    }
}
