package org.lodestar.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.Group;
import org.lodestar.seed.Severity;
import org.lodestar.seed.SimilarEntry;
import org.lodestar.seed.Slugs;

/**
 * Identity across pages: an entity is its type and label. A page's explicit id names it, and every
 * mention of the same type and label on any page resolves to that id, whatever order the files are
 * read in; without one the slug comes from the label. Two labels that would share one id are an
 * error, since the graph could not tell them apart.
 */
final class EntityRegistry {
    private record Key(String type, String label) {}

    private record Claim(String label, String where) {}

    private final Map<Key, String> explicitSlugs = new HashMap<>();
    private final Map<String, Claim> idOwners = new HashMap<>();
    private final Map<String, Set<String>> typesByLabel = new HashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    static EntityRegistry of(List<EntityPage> pages) {
        EntityRegistry r = new EntityRegistry();
        for (EntityPage page : pages)
            r.declare(page);
        for (EntityPage page : pages)
            r.indexMentions(page);
        return r;
    }

    List<Diagnostic> diagnostics() { return diagnostics; }

    /**
     * The slug for an entity of this type and label; records the claim so that a second label
     * landing on the same id is reported at {@code file:line}.
     */
    Optional<String> slug(String type, String label, String file, int line) {
        String slug = explicitSlugs.getOrDefault(new Key(type, label), Slugs.slugify(label));
        if (slug.isEmpty()) {
            error(file, line, "label '" + label + "' has no letter or digit to make an id from");
            return Optional.empty();
        }
        String id = type + ":" + slug;
        Claim owner = idOwners.putIfAbsent(id, new Claim(label, file + ":" + line));
        if (owner != null && !owner.label().equals(label)) {
            error(file, line, "'" + label + "' would get the id " + id + ", which already names '" + owner.label()
                    + "' (" + owner.where() + "); use the same label or give one of them its own id");
            return Optional.empty();
        }
        return Optional.of(slug);
    }

    /** The one type that entities with this label have on any page, if exactly one. */
    Optional<String> onlyTypeOf(String label) {
        Set<String> types = typesByLabel.getOrDefault(label, Set.of());
        return types.size() == 1 ? Optional.of(types.iterator().next()) : Optional.empty();
    }

    Set<String> typesOf(String label) {
        return typesByLabel.getOrDefault(label, Set.of());
    }

    void declare(EntityPage page) {
        if (page.slug() == null)
            return;
        String id = page.typeKey() + ":" + page.slug();
        String where = page.file() + ":" + page.line();
        Claim owner = idOwners.get(id);
        if (owner != null) {
            error(page.file(), page.line(), "the id " + id + " is already given by " + owner.where()
                    + (owner.label().equals(page.label()) ? " (two pages describe one entity)" : " to '" + owner.label() + "'"));
            return;
        }
        String earlier = explicitSlugs.putIfAbsent(new Key(page.typeKey(), page.label()), page.slug());
        if (earlier != null) {
            error(page.file(), page.line(), page.typeKey() + " '" + page.label() + "' already has the id "
                    + page.typeKey() + ":" + earlier);
            return;
        }
        idOwners.put(id, new Claim(page.label(), where));
    }

    void indexMentions(EntityPage page) {
        typed(page.label(), page.typeKey());
        for (Group g : page.groups())
            g.members().forEach(m -> typed(m.label(), g.typeKey()));
        if (page.similarity() != null)
            for (SimilarEntry e : page.similarity().entries())
                if (e.typeKey() != null)
                    typed(e.label(), e.typeKey());
    }

    /** A slug the store knows for this type and label (an explicit id of a page not converted now); a declared one wins. */
    void knownSlug(String type, String label, String slug) {
        explicitSlugs.putIfAbsent(new Key(type, label), slug);
    }

    void typed(String label, String type) {
        typesByLabel.computeIfAbsent(label, l -> new TreeSet<>()).add(type);
    }

    private void error(String file, int line, String message) {
        diagnostics.add(new Diagnostic(file, line, Severity.ERROR, message));
    }
}
