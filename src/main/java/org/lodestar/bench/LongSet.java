package org.lodestar.bench;

/**
 * A set of longs with open addressing: the generator remembers millions of entity pairs and label
 * hashes, and boxed {@code Long}s in a {@code HashSet} would cost ten times the memory.
 */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots;
    private int size;
    private boolean hasEmpty;

    LongSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        slots = new long[capacity];
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** @return true when the value was not there yet */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasEmpty;
            hasEmpty = true;
            return added;
        }
        if (size * 2 >= slots.length)
            grow();
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value)
                return false;
            if (slots[i] == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        size = 0;
        for (long v : old)
            if (v != EMPTY)
                add(v);
    }

    private static int mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return (int) v;
    }
}
