package org.lodestar.seed;

import java.util.List;

/**
 * What parsing one page gives: the page and every diagnostic, in line order.
 *
 * <p>{@code page} is null only when the page's entity cannot be identified at all (empty file,
 * no header, no id line). Otherwise the page is returned even when there are errors, so that a
 * checker can report on all of it; callers must not write anything when {@link #hasErrors()}.
 *
 * @param dependsOnNames true when a member line could be split more than one way and the
 *                       {@link KnownNames} given to the parser decided (or would decide) it: such a
 *                       page must be parsed with the names of every page of the build
 */
public record ParseResult(EntityPage page, List<Diagnostic> diagnostics, boolean dependsOnNames) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public ParseResult(EntityPage page, List<Diagnostic> diagnostics) {
        this(page, diagnostics, false);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
