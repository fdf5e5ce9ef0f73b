package org.lodestar.seed;

import java.util.Set;

/**
 * The third line of a page: {@code concept:alignment-fakingAlignment Faking}, an identifier
 * glued to the label.
 *
 * <p>A slug is made of [a-z0-9-], and a label may start with those characters too
 * ({@code paper:2024-study2024 Study}), so the split is chosen where the label slugifies to the
 * slug: that is how the generator made the id. Only when no split agrees is the boundary guessed
 * (at the first character that cannot be in a slug) and reported.
 *
 * @param slug  null when the line has no {@code type:} prefix (the page has no explicit id)
 * @param label null only when nothing is left for it, which is an error
 */
record IdLine(String slug, String label) {

    static IdLine parse(String text, int line, String pageType, Set<String> typeKeys, Diagnostics diagnostics) {
        int colon = text.indexOf(':');
        String prefix = colon > 0 ? text.substring(0, colon) : null;
        if (prefix == null || !typeKeys.contains(prefix)) {
            diagnostics.warning(line, "no explicit id ('" + pageType + ":slug'): the whole line is the label");
            if (Slugs.slugify(text).isEmpty())
                // the identifier would be slugify(label), and there is nothing to make it from
                diagnostics.error(line, "label '" + SeedParser.abbreviate(text) + "' gives an empty slug; the page needs an explicit id");
            return new IdLine(null, text);
        }
        if (!prefix.equals(pageType))
            diagnostics.error(line, "id has type '" + prefix + "' but the header says '" + pageType + "'");
        return splitSlug(text.substring(colon + 1), prefix, line, diagnostics);
    }

    private static IdLine splitSlug(String rest, String type, int line, Diagnostics diagnostics) {
        int munch = 0;
        while (munch < rest.length() && isSlugChar(rest.charAt(munch)))
            munch++;
        if (munch == 0) {
            diagnostics.error(line, "id '" + type + ":' has no slug");
            return new IdLine(null, rest.isBlank() ? null : rest.strip());
        }
        // longest slug first: with a label that starts with slug characters, more than one split
        // can slugify, and the generator writes the whole slug
        // only a label whose slug is k characters long can follow a slug of k characters: estimating
        // that length for every split in one pass keeps an id line of thousands of slug characters
        // from being slugified once per possible split (quadratic: minutes for 30 KB)
        int[] slugLength = SlugLengths.ofSuffixes(rest);
        for (int k = munch; k >= 1; k--) {
            if (Math.abs(slugLength[k] - k) > 2)
                continue;
            String slug = rest.substring(0, k);
            String label = rest.substring(k).strip();
            if (!label.isEmpty() && Slugs.slugify(label).equals(slug))
                return checked(new IdLine(slug, label), type, line, diagnostics);
        }
        String slug = rest.substring(0, munch);
        String label = rest.substring(munch).strip();
        if (label.isEmpty()) {
            diagnostics.error(line, "id '" + type + ":" + SeedParser.abbreviate(slug) + "' has no label after it");
            return new IdLine(slug, null);
        }
        diagnostics.warning(line, "guessed the boundary between slug '" + SeedParser.abbreviate(slug) + "' and label '" + SeedParser.abbreviate(label)
                + "' (the label slugifies to '" + SeedParser.abbreviate(Slugs.slugify(label)) + "')");
        return checked(new IdLine(slug, label), type, line, diagnostics);
    }

    /** Identifiers become IRIs and must match the id pattern the shapes check. */
    private static IdLine checked(IdLine id, String type, int line, Diagnostics diagnostics) {
        if (!Slugs.isWellFormed(id.slug()))
            diagnostics.error(line, "slug '" + SeedParser.abbreviate(id.slug()) + "' of id '" + type + ":" + SeedParser.abbreviate(id.slug())
                    + "' is not of the form a-b-c (lower-case letters and digits joined by single hyphens)");
        return id;
    }

    private static boolean isSlugChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
}
