package org.lodestar.rdf;

import java.util.List;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;

/**
 * The identities of every page of a build, gathered one page at a time before any is converted:
 * identity crosses pages, and a build that converts its pages in chunks still needs every
 * declaration and mention first. Holds ids and labels only, not the pages.
 */
public final class Identities {
    final EntityRegistry registry = new EntityRegistry();

    /** Adds a page's declared id and the labels and types it mentions; call it in reading order. */
    public void add(EntityPage page) {
        registry.declare(page);
        registry.indexMentions(page);
    }

    /** Identity clashes found so far: declarations when added, mentions as pages are converted. */
    public List<Diagnostic> diagnostics() { return List.copyOf(registry.diagnostics()); }
}
