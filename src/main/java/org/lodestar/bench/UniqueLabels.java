package org.lodestar.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.lodestar.seed.Slugs;

/**
 * Draws labels until one has a slug no other entity has, whatever its type. Two labels with one
 * slug would claim one id (an error), and one label under two types would leave an untyped
 * similarity line unresolved (a warning); the generator must produce neither.
 */
final class UniqueLabels {
    private static final int TRIES = 40;
    private final LongSet slugs;
    private long fallback;

    UniqueLabels(int expected) {
        slugs = new LongSet(expected);
    }

    String draw(TextMaker text, String typeKey, SplittableRandom r) {
        for (int i = 0; i < TRIES; i++) {
            String label = text.label(typeKey, r);
            if (claim(label))
                return label;
        }
        // the word lists ran out of fresh combinations for this type: number the label
        while (true) {
            String label = text.label(typeKey, r) + " " + (++fallback + 1);
            if (claim(label))
                return label;
        }
    }

    private boolean claim(String label) {
        String slug = Slugs.slugify(label);
        return !slug.isEmpty() && slugs.add(hash(slug));
    }

    /** 64-bit FNV-1a of the slug's bytes: a false clash only costs a redraw. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
