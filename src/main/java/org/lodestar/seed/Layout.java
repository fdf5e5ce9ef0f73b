package org.lodestar.seed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixed lines of a page and the shapes of its headings, in one place. */
final class Layout {

    static final String NEIGHBOURHOOD = "Neighborhood — ranked by edge-count";

    /** {@code Concepts (13)}; the count is capped at nine digits so it always fits an int. */
    static final Pattern GROUP_HEADING = Pattern.compile("(\\S.*?) \\(([0-9]{1,9})\\)");

    static final Pattern SIMILARITY_HEADING = Pattern.compile("Related by similarity \\(([0-9]{1,9})\\)");

    /** {@code cosine ≥ 0.65 · no typed edgeEntities in …}: threshold, then the explanation glued on. */
    static final Pattern THRESHOLD_LINE = Pattern.compile("cosine ≥ ([0-9]+(?:\\.[0-9]+)?) · no typed edge(.*)");

    private Layout() {}

    static boolean isItem(String stripped) {
        return stripped.equals("-") || stripped.startsWith("- ");
    }

    /** A group heading whose heading the vocabulary knows; null otherwise. */
    static Matcher knownGroupHeading(String stripped, Vocabulary vocabulary) {
        Matcher m = GROUP_HEADING.matcher(stripped);
        return m.matches() && vocabulary.headingToTypeKey().containsKey(m.group(1)) ? m : null;
    }

    /** True for the lines that can only start the neighbourhood part, never be a description. */
    static boolean startsBody(String stripped, Vocabulary vocabulary) {
        return stripped.equals(NEIGHBOURHOOD)
                || SIMILARITY_HEADING.matcher(stripped).matches()
                || knownGroupHeading(stripped, vocabulary) != null;
    }
}
