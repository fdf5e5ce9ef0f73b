package org.lodestar.store;

/**
 * What a build changed: pages added, replaced, dropped, left alone; and what of it descriptions
 * show ({@link Described}).
 */
public record BuildReport(int added, int replaced, int dropped, int unchanged, Described described) {
    /** A report that cannot say what descriptions it changed: all of them, as far as anyone knows. */
    public BuildReport(int added, int replaced, int dropped, int unchanged) {
        this(added, replaced, dropped, unchanged, Described.ALL);
    }

    public boolean changed() {
        return added + replaced + dropped > 0;
    }

    @Override
    public String toString() {
        return added + " added, " + replaced + " replaced, " + dropped + " dropped, " + unchanged + " unchanged";
    }
}
