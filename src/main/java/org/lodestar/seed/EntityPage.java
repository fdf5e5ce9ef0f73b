package org.lodestar.seed;

import java.util.List;
import java.util.Objects;

/**
 * One seed page as records.
 *
 * @param file        the file name diagnostics and provenance refer to
 * @param line        line of the id line, where the page's entity is named
 * @param slug        the explicit slug of the id line; null when the page has no explicit id (then
 *                    the identifier is {@code Slugs.slugify(label)})
 * @param description null when the page has none
 * @param similarity  null when the page has no similarity section
 */
public record EntityPage(String file, int line, String typeKey, String status, String slug, String label,
                         String description, List<Group> groups, SimilaritySection similarity) {

    public EntityPage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(typeKey, "typeKey");
        groups = List.copyOf(groups);
    }
}
