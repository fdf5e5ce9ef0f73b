package org.lodestar.trials;

/** How large the long lines and many lines of {@link Mutation} are: 1 in the full trial; a fast slice makes them smaller. */
final class MutationScale {
    private static final ThreadLocal<Double> SCALE = ThreadLocal.withInitial(() -> 1.0);

    private MutationScale() {}

    static double get() {
        return SCALE.get();
    }

    static void set(double scale) {
        SCALE.set(scale);
    }
}
