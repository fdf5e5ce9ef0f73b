package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The starting vocabulary of the ontology, built by hand so that these tests do not depend on
 * the ontology package; plus helpers to compare diagnostics.
 */
final class TestVocabulary {

    static final Set<String> EDGE_KEYS = Set.of("studies", "associated_with", "analogous_to", "extends", "introduces",
            "authored_by", "instance_of", "supports", "contradicts", "addresses", "motivates", "cites", "uses", "part_of");

    static final Map<String, String> HEADINGS = headings();

    /** The nine class keys with headings, and "entity", which has none. */
    static final Set<String> TYPE_KEYS = Set.of("paper", "thinker", "framework", "method", "concept", "question",
            "claim", "artifact", "quote", "entity");

    static final Vocabulary VOCABULARY = new Vocabulary(HEADINGS, TYPE_KEYS, EDGE_KEYS);

    private TestVocabulary() {}

    private static Map<String, String> headings() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Papers", "paper");
        h.put("Thinkers", "thinker");
        h.put("Frameworks", "framework");
        h.put("Methods", "method");
        h.put("Concepts", "concept");
        h.put("Questions", "question");
        h.put("Claims", "claim");
        h.put("Artifacts", "artifact");
        h.put("Quotes", "quote");
        return h;
    }

    static ParseResult parse(String text) {
        return new SeedParser(VOCABULARY).parse("t.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asserts the diagnostics, in order, each written {@code "LINE: level: part of the message"}
     * (as {@link Diagnostic#toString()} prints it after the file name).
     */
    static void assertDiagnostics(List<Diagnostic> actual, String... expected) {
        List<String> shown = actual.stream().map(d -> d.toString().substring(d.file().length() + 1)).toList();
        assertEquals(expected.length, shown.size(), () -> "diagnostics: " + shown + ", expected " + Arrays.toString(expected));
        for (int i = 0; i < expected.length; i++) {
            String e = expected[i], a = shown.get(i);
            int split = e.indexOf(": ", e.indexOf(": ") + 2) + 2; // after "LINE: level: "
            boolean ok = a.startsWith(e.substring(0, split)) && a.substring(split).contains(e.substring(split));
            assertEquals(true, ok, "diagnostic " + i + ": '" + a + "', expected '" + e + "'");
        }
    }

    /** Expected diagnostics given as one string per row of a table, separated by " | ". */
    static String[] rows(String joined) {
        return joined == null || joined.isEmpty() ? new String[0] : joined.split(" \\| ");
    }
}
