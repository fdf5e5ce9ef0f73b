package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-pass estimate agrees with slugify on the suffixes of id lines as they are written. */
class SlugLengthsTest {
    @Test
    void agreesWithSlugifyOnEverySuffix() {
        for (String rest : new String[] {"alignment-fakingAlignment Faking", "2024-study2024 Study", "godel-s-theoremGödel's “Theorem”",
                "a--b -- c--", "  spaced  ", "ﬃx-ﬃ", "李飞飞abc", "-x-", "", "a", "İstanbul-x", "e\u0301te", "x🔥y", "ABC---def..."}) {
            int[] lengths = SlugLengths.ofSuffixes(rest);
            for (int k = 0; k <= rest.length(); k++)
                assertEquals(Slugs.slugify(rest.substring(k)).length(), lengths[k], "'" + rest + "' from " + k);
        }
    }
}
