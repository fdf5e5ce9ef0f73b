package org.lodestar.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.Group;
import org.lodestar.seed.Member;
import org.lodestar.seed.SimilarEntry;
import org.lodestar.seed.Slugs;

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

    /**
     * What the store knows of a label that a page converted alone mentions: the slug its entity of
     * {@code type} has. Only an explicit id (a slug other than the label's) is kept; an id the
     * pages added here declare wins.
     */
    public void known(String type, String label, String slug) {
        if (!slug.equals(Slugs.slugify(label)))
            registry.knownSlug(type, label, slug);
    }

    /** As {@link #known}: a type that entities with this label have on some page. */
    public void typed(String label, String type) {
        registry.typed(label, type);
    }

    /**
     * What a page contributes to the identities of all the others: the id it declares and every
     * type and label it mentions, in one string. While a page's digest stays the same, editing it
     * changes no other page's conversion.
     */
    public static String contribution(EntityPage page) {
        Set<String> lines = new TreeSet<>();
        lines.add("declares " + page.typeKey() + " " + page.slug() + " " + page.label());
        for (Group g : page.groups())
            for (Member m : g.members())
                lines.add("mentions " + g.typeKey() + " " + m.label());
        if (page.similarity() != null)
            for (SimilarEntry e : page.similarity().entries())
                lines.add("mentions " + e.typeKey() + " " + e.label());
        return Uris.hash(String.join("\n", lines), 32);
    }

    /** Every label a page mentions with its type key (null where a similarity line lost it), the page's own first. */
    public static List<String[]> mentions(EntityPage page) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {page.typeKey(), page.label()});
        for (Group g : page.groups())
            for (Member m : g.members())
                out.add(new String[] {g.typeKey(), m.label()});
        if (page.similarity() != null)
            for (SimilarEntry e : page.similarity().entries())
                out.add(new String[] {e.typeKey(), e.label()});
        return out;
    }

    /** Identity clashes found so far: declarations when added, mentions as pages are converted. */
    public List<Diagnostic> diagnostics() { return List.copyOf(registry.diagnostics()); }
}
