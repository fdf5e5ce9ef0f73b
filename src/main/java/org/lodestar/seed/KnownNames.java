package org.lodestar.seed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The entities the other pages of a build name, by type: each page's own label and explicit id,
 * and the labels of neighbours whose lines split without doubt. A member line whose justification
 * starts with a lower-case word, a bracket or a letter of another script ({@code Evan
 * Hubingerstudiesthe deceptive …}) cannot be split by the shape of the text alone; a label this
 * set knows tells where the label ends.
 *
 * <p>Built from a first parse of every page ({@link Builder}), then handed to the
 * {@link SeedParser} that parses the pages again; immutable once built.
 */
public final class KnownNames {

    /** Knows nothing: the split is decided by the text alone, as when a page is parsed on its own. */
    public static final KnownNames NONE = new KnownNames(Map.of(), Map.of());

    private final Map<String, Set<String>> labels;
    private final Map<String, Set<String>> slugs;
    /** Asked instead of the maps when not null ({@link #answeredBy}). */
    private final BiPredicate<String, String> lookup;

    private KnownNames(Map<String, Set<String>> labels, Map<String, Set<String>> slugs) {
        this.labels = labels;
        this.slugs = slugs;
        this.lookup = null;
    }

    private KnownNames(BiPredicate<String, String> lookup) {
        this.labels = Map.of();
        this.slugs = Map.of();
        this.lookup = lookup;
    }

    /**
     * Names answered by {@code knows} (type key, label) as {@link #knows} would answer them: an
     * edit knows the other pages' names from the store, and looks up only those its lines ask for.
     */
    public static KnownNames answeredBy(BiPredicate<String, String> knows) {
        return new KnownNames(knows);
    }

    /**
     * True when {@code label} is the label of an entity of type {@code typeKey} named elsewhere, or
     * slugifies to the explicit id of one (a mention resolves to that id).
     */
    public boolean knows(String typeKey, String label) {
        if (label.isEmpty())
            return false;
        if (lookup != null)
            return lookup.test(typeKey, label);
        if (labels.getOrDefault(typeKey, Set.of()).contains(label))
            return true;
        Set<String> ids = slugs.getOrDefault(typeKey, Set.of());
        return !ids.isEmpty() && ids.contains(Slugs.slugify(label));
    }

    public boolean isEmpty() {
        return lookup == null && labels.isEmpty() && slugs.isEmpty();
    }

    /** Collects names from parse results, in any order; not thread-safe. */
    public static final class Builder {
        private final Map<String, Set<String>> labels = new HashMap<>();
        private final Map<String, Set<String>> slugs = new HashMap<>();

        /**
         * Adds what a page names: its own label and id always; its neighbours' labels only when no
         * member line of the page depended on names, so that a guessed split never confirms itself.
         */
        public Builder add(ParseResult result) {
            EntityPage page = result.page();
            if (page == null)
                return this;
            if (page.label() != null)
                labels.computeIfAbsent(page.typeKey(), t -> new HashSet<>()).add(page.label());
            if (page.slug() != null)
                slugs.computeIfAbsent(page.typeKey(), t -> new HashSet<>()).add(page.slug());
            if (!result.dependsOnNames())
                for (Group g : page.groups())
                    for (Member m : g.members())
                        if (m.edgeKey() != null)
                            labels.computeIfAbsent(g.typeKey(), t -> new HashSet<>()).add(m.label());
            return this;
        }

        public KnownNames build() {
            return labels.isEmpty() && slugs.isEmpty() ? NONE : new KnownNames(freeze(labels), freeze(slugs));
        }

        private static Map<String, Set<String>> freeze(Map<String, Set<String>> m) {
            Map<String, Set<String>> copy = new HashMap<>();
            m.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return Map.copyOf(copy);
        }
    }
}
