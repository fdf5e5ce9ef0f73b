package org.lodestar.seed;

import java.util.Optional;
import java.util.regex.Pattern;

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
