package org.lodestar.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.lodestar.rdf.Conversion;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.Severity;
import org.lodestar.validate.Finding;

/**
 * What parsing, converting and checking a set of pages gave.
 *
 * @param conversion null when parsing failed, since nothing sound can be converted then
 */
public record PipelineResult(Conversion conversion, List<Diagnostic> diagnostics, List<Finding> findings) {

    /** Errors fail; with {@code strict}, warnings fail too. */
    public boolean failed(boolean strict) {
        return conversion == null
                || diagnostics.stream().anyMatch(d -> strict || d.severity() == Severity.ERROR)
                || findings.stream().anyMatch(f -> strict || f.severity() == Severity.ERROR);
    }

    /** Every message, parser and converter first, then the shapes, one per line. */
    public List<String> messages() {
        List<String> lines = new ArrayList<>();
        diagnostics.forEach(d -> lines.add(d.toString()));
        findings.forEach(f -> lines.add(f.toString()));
        return lines;
    }
}
