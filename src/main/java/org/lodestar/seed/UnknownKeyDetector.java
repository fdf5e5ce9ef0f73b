package org.lodestar.seed;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Spots a member line that is probably {@code label + key + justification} with a key the
 * vocabulary does not know ({@code Some labelrefinesMore text}). Without this, such a line would
 * silently become a neighbour whose label is the whole line.
 *
 * <p>The sign is a run of lower-case letters and underscores, shaped like a snake_case key, glued
 * to a non-space character before it and to an upper-case letter after it. Where the run follows
 * punctuation or a digit ({@code et al.refinesThe}) the run is the key. Where it follows letters
 * the boundary between the label's last word and the key cannot be known without the key, so the
 * warning quotes the whole glued word instead of guessing. In that case the run must also look
 * like the keys of the ontology (a verb ending in "s", or snake_case with an underscore): CamelCase
 * names such as "TensorFlow" or "HuggingFace" have the same shape and are common in labels.
 */
final class UnknownKeyDetector {

    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z]+(_[a-z]+)*");
    private static final int MIN_KEY = 3;
    /** Shorter keys ("uses", "cites") are one letter away from too many ordinary word endings. */
    private static final int MIN_MISSPELT_KEY = 6;
    private static final int GLUED_LABEL_LETTERS = 3;
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    private UnknownKeyDetector() {}

    /** How to name the suspected key in a warning ("'refines'" or "at the end of 'labelrefines'"), if any. */
    static Optional<String> suspect(String text) {
        for (int u = 1; u < text.length(); u++) {
            if (!Character.isUpperCase(text.codePointAt(u)) || !isLowerAscii(text.charAt(u - 1)))
                continue;
            int r = runStart(text, u);
            String run = text.substring(r, u);
            if (!KEY_SHAPE.matcher(run).matches())
                continue;
            char before = r > 0 ? text.charAt(r - 1) : ' ';
            if (!GluedKeys.isSpace(before) && !Character.isLetter(before)) {
                if (run.length() >= MIN_KEY && hasLetterOrDigit(text.substring(0, r)))
                    return Optional.of("'" + run + "'");
            } else if (run.length() > MIN_KEY && looksLikeKnownKeys(run)) {
                // at least one letter of the label's last word, then a key of at least MIN_KEY
                return Optional.of("at the end of '" + text.substring(wordStart(text, r), u) + "'");
            }
        }
        return Optional.empty();
    }

    /**
     * A key glued to the end of the line with nothing after it ({@code Evan Hubingerstudys}). No
     * upper-case letter follows to mark the boundary, and labels often end in plurals, so only two
     * signs count: a snake_case run inside the last word, or a run one edit away from a known key.
     *
     * @return how to name the suspect in a warning, with the key it was probably meant to be
     */
    static Optional<String> suspectAtEnd(String text, Collection<String> keys) {
        int end = text.length();
        int r = runStart(text, end);
        int word = wordStart(text, end);
        if (r <= word || r == end)
            return Optional.empty();
        String run = text.substring(r);
        if (run.indexOf('_') >= 0 && KEY_SHAPE.matcher(run).matches())
            return Optional.of("at the end of '" + text.substring(word) + "'");
        char before = text.charAt(r - 1);
        if (before == '-')
            return Optional.empty(); // "Self-motivated": a compound, not a glued key
        // After punctuation the whole run may be the key (et al.suports); glued to letters, keep a
        // few of them for the label, or prefixes such as "Un" in "Unmotivated" would be read as labels.
        int first = Character.isLetter(before) ? r + GLUED_LABEL_LETTERS : r;
        for (int s = first; s <= end - (MIN_MISSPELT_KEY - 1); s++) {
            String tail = text.substring(s);
            for (String key : keys)
                if (key.length() >= MIN_MISSPELT_KEY && ONE_EDIT.apply(tail, key) == 1)
                    return Optional.of("'" + tail + "' (is it '" + key + "'?)");
        }
        return Optional.empty();
    }

    private static int runStart(String text, int end) {
        int r = end;
        while (r > 0 && (isLowerAscii(text.charAt(r - 1)) || text.charAt(r - 1) == '_'))
            r--;
        while (r < end && text.charAt(r) == '_')
            r++;
        return r;
    }

    private static int wordStart(String text, int from) {
        int w = from;
        while (w > 0 && !GluedKeys.isSpace(text.charAt(w - 1)))
            w--;
        return w;
    }

    private static boolean looksLikeKnownKeys(String run) {
        return run.indexOf('_') >= 0 || run.endsWith("s");
    }

    private static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }
}
