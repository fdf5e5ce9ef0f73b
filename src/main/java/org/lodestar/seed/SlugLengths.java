package org.lodestar.seed;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The length of {@code Slugs.slugify(text.substring(k))} for every k at once, in one pass from the
 * right: each character folded on its own as slugify folds it (NFKD, marks dropped, lower case,
 * anything else a hyphen), runs of hyphens counted once, hyphens at either end not at all. An
 * estimate (NFKD may reorder marks across characters), used only to skip splits that cannot fit;
 * every split it lets through is checked with {@link Slugs#slugify}.
 */
final class SlugLengths {
    private SlugLengths() {}

    static int[] ofSuffixes(String text) {
        int n = text.length();
        int[] length = new int[n + 1];
        int total = 0;            // length of the collapsed slug of text[k..], hyphens at its ends included
        boolean startsWithHyphen = false, endsWithHyphen = false, empty = true;
        for (int k = n - 1; k >= 0; k--) {
            String folded = fold(text.charAt(k));
            for (int i = folded.length() - 1; i >= 0; i--) {
                boolean hyphen = folded.charAt(i) == '-';
                if (hyphen && startsWithHyphen)
                    continue; // a run of hyphens is one
                if (empty)
                    endsWithHyphen = hyphen;
                total++;
                empty = false;
                startsWithHyphen = hyphen;
            }
            length[k] = Math.max(0, total - (startsWithHyphen ? 1 : 0) - (endsWithHyphen && total > 1 ? 1 : 0));
        }
        return length;
    }

    private static String fold(char c) {
        if (c < 128) {
            char l = Character.toLowerCase(c);
            return (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ? String.valueOf(l) : "-";
        }
        String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            out.append((x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') ? x : '-');
        }
        return out.length() == 0 ? "" : out.toString();
    }
}
