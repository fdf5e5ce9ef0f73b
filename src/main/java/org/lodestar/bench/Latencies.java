package org.lodestar.bench;

import java.util.Arrays;

/** Durations of requests, in milliseconds, and their percentiles (nearest rank). */
final class Latencies {
    private double[] ms = new double[64];
    private int size;
    private int errors;

    synchronized void add(long nanos) {
        if (size == ms.length)
            ms = Arrays.copyOf(ms, size * 2);
        ms[size++] = nanos / 1e6;
    }

    synchronized void error() { errors++; }

    synchronized int count() { return size; }

    synchronized int errors() { return errors; }

    /** The p-th percentile (0–100), or null when nothing was measured. */
    synchronized Double percentile(double p) {
        if (size == 0)
            return null;
        double[] sorted = Arrays.copyOf(ms, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    Latencies plus(Latencies other) {
        Latencies all = new Latencies();
        for (Latencies l : new Latencies[] {this, other})
            synchronized (l) {
                for (int i = 0; i < l.size; i++)
                    all.add((long) (l.ms[i] * 1e6));
                all.errors += l.errors;
            }
        return all;
    }
}
