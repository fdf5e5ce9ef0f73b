package org.lodestar.similarity;

import java.util.Arrays;

/**
 * For each entity number, the numbers of the entities it has a typed edge with, either way: the
 * pairs a full derivation leaves out. Held as one sorted row of ints per entity: a map of boxed
 * sets took 11.6 MB for the 149,000 entries of 20,000 entities (about 78 bytes each, so 120 MB of
 * a 2 GB heap at 200,000), these rows 4 bytes an entry. Repeats are dropped here, so the query
 * that feeds it streams without DISTINCT.
 */
public final class TypedPartners {
    private final int[] starts;
    private final int[] partners;

    private TypedPartners(int[] starts, int[] partners) {
        this.starts = starts;
        this.partners = partners;
    }

    /** Collects pairs of entity numbers below {@code entities}; a pair given twice, either way, counts once. */
    public static final class Builder {
        private final int entities;
        private int[] a = new int[1024], b = new int[1024];
        private int size;

        public Builder(int entities) {
            this.entities = entities;
        }

        public Builder add(int s, int t) {
            if (s == t)
                return this;
            if (s < 0 || t < 0 || s >= entities || t >= entities)
                throw new IllegalArgumentException("entity number out of range: " + s + ", " + t);
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
            }
            a[size] = s;
            b[size] = t;
            size++;
            return this;
        }

        public TypedPartners build() {
            int[] counts = new int[entities + 1];
            for (int i = 0; i < size; i++) {
                counts[a[i] + 1]++;
                counts[b[i] + 1]++;
            }
            for (int e = 0; e < entities; e++)
                counts[e + 1] += counts[e];
            int[] filled = Arrays.copyOf(counts, entities);
            int[] rows = new int[2 * size];
            for (int i = 0; i < size; i++) {
                rows[filled[a[i]]++] = b[i];
                rows[filled[b[i]]++] = a[i];
            }
            // sort each row and squeeze out repeats, moving rows down over the room they free
            int[] starts = new int[entities + 1];
            int out = 0;
            for (int e = 0; e < entities; e++) {
                int from = counts[e], to = counts[e + 1];
                Arrays.sort(rows, from, to);
                starts[e] = out;
                for (int i = from; i < to; i++)
                    if (i == from || rows[i] != rows[i - 1])
                        rows[out++] = rows[i];
            }
            starts[entities] = out;
            return new TypedPartners(starts, Arrays.copyOf(rows, out));
        }
    }

    /** Whether {@code i} and {@code j} have a typed edge. */
    public boolean has(int i, int j) {
        return i >= 0 && i < starts.length - 1 && Arrays.binarySearch(partners, starts[i], starts[i + 1], j) >= 0;
    }

    /** The partners of {@code i}, in increasing order. */
    public int[] of(int i) {
        return Arrays.copyOfRange(partners, starts[i], starts[i + 1]);
    }

    /** How many entities the rows are for. */
    public int entities() {
        return starts.length - 1;
    }
}
