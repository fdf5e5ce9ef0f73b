package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TypedPartnersTest {

    @Test
    void aPairCountsBothWaysOnceAndAnEntityIsNotItsOwnPartner() {
        TypedPartners p = new TypedPartners.Builder(5).add(3, 1).add(1, 3).add(1, 4).add(2, 2).build();
        assertArrayEquals(new int[] {3, 4}, p.of(1));
        assertArrayEquals(new int[] {1}, p.of(3));
        assertArrayEquals(new int[] {}, p.of(2));
        assertArrayEquals(new int[] {}, p.of(0));
        assertTrue(p.has(3, 1) && p.has(1, 3) && p.has(4, 1));
        assertFalse(p.has(2, 2) || p.has(0, 1) || p.has(3, 4));
    }

    @Test
    void rowsAreWhatAMapOfSetsWouldHold() {
        Random random = new Random(7);
        int n = 300;
        TypedPartners.Builder builder = new TypedPartners.Builder(n);
        Map<Integer, Set<Integer>> expected = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            int a = random.nextInt(n), b = random.nextInt(n);
            builder.add(a, b);
            if (a != b) {
                expected.computeIfAbsent(a, x -> new TreeSet<>()).add(b);
                expected.computeIfAbsent(b, x -> new TreeSet<>()).add(a);
            }
        }
        TypedPartners p = builder.build();
        for (int e = 0; e < n; e++) {
            int[] want = expected.getOrDefault(e, Set.of()).stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, p.of(e), "partners of " + e);
            for (int other = 0; other < n; other++)
                assertTrue(p.has(e, other) == expected.getOrDefault(e, Set.of()).contains(other));
        }
    }

    @Test
    void anEntityNumberOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TypedPartners.Builder(3).add(0, 3));
    }
}
