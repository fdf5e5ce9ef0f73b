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
 *
 * <p>A justification may also start with something else: a lower-case word, a bracket, an emoji, a
 * letter of a script without case ({@code Evan Hubingerstudiesthe deceptive …}). Then any glued
 * key followed by a non-space character is a candidate, and what the other pages name
 * ({@link KnownNames}) decides: the leftmost candidate whose label is the label (or id) of an
 * entity of the group's type is taken without a warning, and is preferred over a split by the
 * shape of the text. Failing that, the leftmost candidate is taken and a warning says it is a guess.
 */
final class MemberLineSplitter {

    /** Quotation marks that may open a justification. */
    private static final String QUOTES = "\"“‘'«";

    private final GluedKeys edgeKeys;
    private final Set<String> keys;
    private final KnownNames names;

    MemberLineSplitter(Set<String> edgeKeys) {
        this(edgeKeys, KnownNames.NONE);
    }

    MemberLineSplitter(Set<String> edgeKeys, KnownNames names) {
        this.edgeKeys = new GluedKeys(edgeKeys);
        this.keys = Set.copyOf(edgeKeys);
        this.names = names;
    }

    /** As {@link #split(String, String, int, int, int, Diagnostics)} for a group of no known type. */
    Member split(String text, int line, int column, int position, Diagnostics diagnostics) {
        return split(text, null, line, column, position, diagnostics);
    }

    /**
     * @param text     the line after "- ", stripped
     * @param typeKey  the type key of the member's group, whose names decide unusual splits; may be null
     * @param column   1-based column of {@code text} in the line, for warnings
     * @param position 1-based place of the member in its group
     */
    Member split(String text, String typeKey, int line, int column, int position, Diagnostics diagnostics) {
        List<GluedKeys.Match> matches = edgeKeys.find(text, MemberLineSplitter::startsJustification);
        List<GluedKeys.Match> loose = edgeKeys.find(text, MemberLineSplitter::startsAnyField);
        if (loose.size() > 1 || (matches.isEmpty() && !loose.isEmpty()))
            diagnostics.dependsOnNames();
        GluedKeys.Match named = typeKey == null ? null : loose.stream()
                .filter(m -> names.knows(typeKey, text.substring(0, m.start()))).findFirst().orElse(null);
        if (named != null)
            return member(text, named, line, position);
        if (matches.isEmpty() && !loose.isEmpty()) {
            GluedKeys.Match guess = loose.get(0);
            diagnostics.warning(line, "guessed the end of the label: took " + GluedKeys.describe(loose.subList(0, 1), column)
                    + ", so the label is '" + SeedParser.abbreviate(text.substring(0, guess.start()))
                    + "' and the justification starts with '" + Printable.codePoint(text, guess.end())
                    + "'; no " + (typeKey == null ? "entity" : typeKey) + " named on another page has that label"
                    + (loose.size() > 1 ? "; alternatives: " + GluedKeys.describe(loose.subList(1, loose.size()), column) : ""));
            return member(text, guess, line, position);
        }
        if (matches.isEmpty()) {
            String looseKey = looseKey(text, column);
            if (looseKey != null)
                diagnostics.warning(line, "edge key " + looseKey + " is not glued to a label, so it is not read as the key;"
                        + " kept as a label-only member");
            else
                UnknownKeyDetector.suspect(text).or(() -> UnknownKeyDetector.suspectAtEnd(text, keys)).ifPresent(why -> diagnostics.warning(line,
                        "looks like fields glued around an unknown edge key " + why + "; kept as a label-only member"));
            return new Member(text, null, null, line, position);
        }
        GluedKeys.Match chosen = matches.get(0);
        // the alternatives include keys followed by a lower-case word: one of them may be the real end of the label
        List<GluedKeys.Match> others = loose.stream().filter(m -> m.start() != chosen.start()).toList();
        if (!others.isEmpty())
            diagnostics.warning(line, "several edge keys fit: took " + GluedKeys.describe(List.of(chosen), column)
                    + "; alternatives: " + GluedKeys.describe(others, column));
        return member(text, chosen, line, position);
    }

    private static Member member(String text, GluedKeys.Match at, int line, int position) {
        String label = text.substring(0, at.start());
        String justification = text.substring(at.end()).strip();
        return new Member(label, at.key(), justification.isEmpty() ? null : justification, line, position);
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

    /** Anything but a space can start a justification, when a known name confirms the label before it. */
    private static boolean startsAnyField(int c) {
        return c == -1 || !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }

    private static boolean startsJustification(int c) {
        return c == -1 || Character.isUpperCase(c) || Character.isDigit(c) || QUOTES.indexOf(c) >= 0;
    }
}
