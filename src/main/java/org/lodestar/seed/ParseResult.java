package org.lodestar.seed;

import java.util.List;

/**
 * What parsing one page gives: the page and every diagnostic, in line order.
 *
 * <p>{@code page} is null only when the page's entity cannot be identified at all (empty file,
 * no header, no id line). Otherwise the page is returned even when there are errors, so that a
 * checker can report on all of it; callers must not write anything when {@link #hasErrors()}.
 */
public record ParseResult(EntityPage page, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
