package org.lodestar.seed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of a similarity line ({@code The alignment-faking setup … complianceclaim0.809Side
 * finding …}, without the leading "- ") into label, type key, score and note.
 *
 * <p>The type key is a known type key that directly follows a non-space character and is
 * directly followed by a digit; the score is the longest number there. A line without such a key
 * is a degraded line where only the label survived: that is normal for these pages and not
 * reported. A score that is not a number in [0, 1] is an error, since a wrong score would rank the
 * view wrongly without anyone noticing.
 */
final class SimilarityLineSplitter {

    /** "0." and the 17 decimals that tell every double apart. */
    static final int MAX_SCORE_LENGTH = 19;
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final GluedKeys typeKeys;

    SimilarityLineSplitter(Set<String> typeKeys) {
        this.typeKeys = new GluedKeys(typeKeys);
    }

    /**
     * @param text     the line after "- ", stripped
     * @param column   1-based column of {@code text} in the line, for messages
     * @param position 1-based place of the entry in the section
     */
    SimilarEntry split(String text, int line, int column, int position, Diagnostics diagnostics) {
        List<GluedKeys.Match> matches = typeKeys.find(text, c -> c >= '0' && c <= '9');
        if (matches.isEmpty())
            return withoutScore(text, line, position, diagnostics);
        GluedKeys.Match chosen = matches.get(0);
        if (matches.size() > 1)
            // same rule as for edge keys: the label comes first, the note is free text
            diagnostics.warning(line, "several type keys with a score fit: took " + GluedKeys.describe(matches.subList(0, 1), column)
                    + "; alternatives: " + GluedKeys.describe(matches.subList(1, matches.size()), column));
        String label = text.substring(0, chosen.start());
        Matcher number = NUMBER.matcher(text).region(chosen.end(), text.length());
        number.lookingAt(); // cannot fail: a digit follows the key
        String score = number.group();
        String rest = text.substring(number.end());
        // "0.8.1": the note must not start where the number could still go on
        String written = score + rest.substring(0, numberLike(rest));
        if (score.length() > MAX_SCORE_LENGTH) {
            // a decimal of thousands of digits costs every later reader (xsd:decimal parsing is quadratic)
            diagnostics.error(line, "score of " + score.length() + " characters after type key '" + chosen.key()
                    + "': at most " + MAX_SCORE_LENGTH + " ('0.' and 17 decimals)");
            return new SimilarEntry(label, chosen.key(), null, null, line, position);
        }
        if (!written.equals(score) || !inUnitRange(score)) {
            diagnostics.error(line, "unreadable score '" + SeedParser.abbreviate(written) + "' after type key '" + chosen.key()
                    + "': expected a number between 0 and 1");
            return new SimilarEntry(label, chosen.key(), null, null, line, position);
        }
        String note = rest.strip();
        return new SimilarEntry(label, chosen.key(), score, note.isEmpty() ? null : note, line, position);
    }

    /** A label only; or a label and a type key whose score is missing, which is worth a warning. */
    private SimilarEntry withoutScore(String text, int line, int position, Diagnostics diagnostics) {
        String key = typeKeys.atEnd(text);
        if (key == null)
            return new SimilarEntry(text, null, null, null, line, position);
        diagnostics.warning(line, "type key '" + key + "' at the end of the line has no score");
        return new SimilarEntry(text.substring(0, text.length() - key.length()), key, null, null, line, position);
    }

    /** Length of the prefix of {@code s} made of digits and dots. */
    private static int numberLike(String s) {
        int n = 0;
        while (n < s.length() && (s.charAt(n) == '.' || Character.isDigit(s.charAt(n))))
            n++;
        return n;
    }

    private static boolean inUnitRange(String score) {
        BigDecimal value = new BigDecimal(score);
        return value.compareTo(BigDecimal.ZERO) >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }
}
