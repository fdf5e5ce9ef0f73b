package org.lodestar.similarity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which similarity links a build computes and a server shows ({@code --similarity}). Imported links
 * are part of their seed page's graph and are stored whatever the mode; {@code computed} only
 * hides them from what Lodestar shows.
 */
public enum SimilarityMode {
    IMPORTED, COMPUTED, BOTH;

    /** The option's value, as written on the command line. */
    public String word() { return name().toLowerCase(Locale.ROOT); }

    public boolean computes() { return this != IMPORTED; }

    public boolean showsImported() { return this != COMPUTED; }

    public boolean showsComputed() { return this != IMPORTED; }

    public static Optional<SimilarityMode> named(String word) {
        return Arrays.stream(values()).filter(m -> m.word().equals(word)).findFirst();
    }

    /** "imported|computed|both", for help texts and messages. */
    public static String choices() {
        return Arrays.stream(values()).map(SimilarityMode::word).collect(Collectors.joining("|"));
    }
}
