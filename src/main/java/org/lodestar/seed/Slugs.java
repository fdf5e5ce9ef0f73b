package org.lodestar.seed;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one rule that turns a label into the slug of an identifier ({@code concept:compliance-gap}). */
public final class Slugs {

    /**
     * What a well-formed slug looks like: lower-case ASCII words joined by single hyphens. The
     * quantifiers are possessive: a greedy repeated group recurses once per repetition in Java's
     * regex engine, and a slug of a few thousand parts overflowed the stack.
     */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    /**
     * NFKD, combining marks dropped, lower case (Locale.ROOT, so a Turkish default locale cannot
     * turn "I" into a dotless i), every run of characters other than a-z and 0-9 to one hyphen,
     * hyphens trimmed: {@code "Gödel's “Theorem”"} → {@code "godel-s-theorem"}.
     *
     * <p>Letters that NFKD does not reduce to ASCII (ß, ø, Greek, CJK) count as "other"
     * characters. A label made only of such characters gives the empty string: this method does not
     * invent a slug, the caller decides (the parser refuses such an id; minting code must too).
     */
    public static String slugify(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = OTHER.matcher(s).replaceAll("-");
        int from = 0, to = s.length();
        while (from < to && s.charAt(from) == '-')
            from++;
        while (to > from && s.charAt(to - 1) == '-')
            to--;
        return s.substring(from, to);
    }

    /** True for a non-empty slug of the form {@code a-b-c}; the id pattern other packages rely on. */
    static boolean isWellFormed(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }
}
