package org.lodestar.seed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds known keys glued between two fields: a key counts only where it directly follows a
 * non-space character (so there is a label before it) and the character after it passes a test
 * given by the caller (what may start the next field). At one position the longest key wins, so
 * that a key which is a prefix of another cannot cut it short.
 */
final class GluedKeys {

    /** A key found at {@code start} (index into the text), ending before {@code end()}. */
    record Match(int start, String key) {
        int end() {
            return start + key.length();
        }
    }

    private final List<String> longestFirst;

    GluedKeys(Collection<String> keys) {
        longestFirst = keys.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * Every position where a key fits, leftmost first, one key per position.
     *
     * @param followedBy test for the code point after the key; {@code -1} stands for the end of the text
     */
    List<Match> find(String text, IntPredicate followedBy) {
        List<Match> matches = new ArrayList<>();
        for (int p = 1; p < text.length(); p++) {
            if (isSpace(text.charAt(p - 1)))
                continue;
            String key = startingAt(text, p, followedBy);
            if (key != null)
                matches.add(new Match(p, key));
        }
        return matches;
    }

    /** The longest key at {@code p} that is followed by what {@code followedBy} accepts; null if none. */
    String startingAt(String text, int p, IntPredicate followedBy) {
        for (String key : longestFirst)
            if (text.startsWith(key, p) && followedBy.test(codePointAt(text, p + key.length())))
                return key;
        return null;
    }

    /** The longest key the text ends with, directly after a non-space character; null if none. */
    String atEnd(String text) {
        for (String key : longestFirst) {
            int p = text.length() - key.length();
            if (p >= 1 && text.endsWith(key) && !isSpace(text.charAt(p - 1)))
                return key;
        }
        return null;
    }

    static int codePointAt(String text, int i) {
        return i >= text.length() ? -1 : text.codePointAt(i);
    }

    /** No-break spaces count as spaces: a key after one is not glued to anything. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** "'uses' at column 5, 'cites' at column 30": for warnings that name the alternatives. */
    static String describe(List<Match> matches, int column) {
        List<String> parts = new ArrayList<>();
        for (Match m : matches)
            parts.add("'" + m.key() + "' at column " + (column + m.start()));
        return String.join(", ", parts);
    }
}
