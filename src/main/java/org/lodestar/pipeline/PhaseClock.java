package org.lodestar.pipeline;

import java.util.function.Supplier;

/**
 * Hears how long each stage of a build took ({@code parse}, {@code convert}, {@code validate},
 * {@code load}, {@code derive}, …). The benchmark listens; everything else passes {@link #NONE}.
 */
@FunctionalInterface
public interface PhaseClock {
    PhaseClock NONE = (phase, nanos) -> {};

    void took(String phase, long nanos);

    /** Runs {@code work} and reports its time under {@code phase}. */
    default <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            took(phase, System.nanoTime() - start);
        }
    }
}
