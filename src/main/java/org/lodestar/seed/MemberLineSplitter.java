package org.lodestar.seed;

import java.util.List;
import java.util.Set;

/**
 * Splits the text of a group line ({@code Greenblatt et al.studiesCited for …}, without the
 * leading "- ") into label, edge key and justification.
 *
 * <p>The edge key is a known key that directly follows a non-space character and is followed by
 * the end of the line or by what can start a justification: an upper-case letter, a digit or an
 * opening quotation mark. If several positions fit, the leftmost wins (a justification is free
 * text and is likelier to contain a key-like word than a label) and a warning names the others.
 */
final class MemberLineSplitter {

    /** Quotation marks that may open a justification. */
    private static final String QUOTES = "\"“‘'«";

    private final GluedKeys edgeKeys;
    private final Set<String> keys;

    MemberLineSplitter(Set<String> edgeKeys) {
        this.edgeKeys = new GluedKeys(edgeKeys);
        this.keys = Set.copyOf(edgeKeys);
    }

    /**
     * @param text     the line after "- ", stripped
     * @param column   1-based column of {@code text} in the line, for warnings
     * @param position 1-based place of the member in its group
     */
    Member split(String text, int line, int column, int position, Diagnostics diagnostics) {
        List<GluedKeys.Match> matches = edgeKeys.find(text, MemberLineSplitter::startsJustification);
        if (matches.isEmpty()) {
            String loose = looseKey(text, column);
            if (loose != null)
                diagnostics.warning(line, "edge key " + loose + " is not glued to a label, so it is not read as the key;"
                        + " kept as a label-only member");
            else
                UnknownKeyDetector.suspect(text).or(() -> UnknownKeyDetector.suspectAtEnd(text, keys)).ifPresent(why -> diagnostics.warning(line,
                        "looks like fields glued around an unknown edge key " + why + "; kept as a label-only member"));
            return new Member(text, null, null, line, position);
        }
        GluedKeys.Match chosen = matches.get(0);
        if (matches.size() > 1)
            diagnostics.warning(line, "several edge keys fit: took " + GluedKeys.describe(matches.subList(0, 1), column)
                    + "; alternatives: " + GluedKeys.describe(matches.subList(1, matches.size()), column));
        String label = text.substring(0, chosen.start());
        String justification = text.substring(chosen.end()).strip();
        return new Member(label, chosen.key(), justification.isEmpty() ? null : justification, line, position);
    }

    /**
     * A known key at the start of the text or after a space, followed by what starts a
     * justification ({@code studiesCore …}, {@code Evan Hubinger studiesCore …}): the line was
     * probably meant to carry that key, but reading it so would be a guess.
     */
    private String looseKey(String text, int column) {
        for (int p = 0; p < text.length(); p++) {
            if (p > 0 && !GluedKeys.isSpace(text.charAt(p - 1)))
                continue;
            String key = edgeKeys.startingAt(text, p, MemberLineSplitter::startsJustification);
            if (key != null && p + key.length() < text.length())
                return "'" + key + "' at column " + (column + p);
        }
        return null;
    }

    private static boolean startsJustification(int c) {
        return c == -1 || Character.isUpperCase(c) || Character.isDigit(c) || QUOTES.indexOf(c) >= 0;
    }
}
