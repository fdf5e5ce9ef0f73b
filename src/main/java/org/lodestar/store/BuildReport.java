package org.lodestar.store;

/** What a build changed: pages added, replaced, dropped, left alone. */
public record BuildReport(int added, int replaced, int dropped, int unchanged) {
    public boolean changed() {
        return added + replaced + dropped > 0;
    }

    @Override
    public String toString() {
        return added + " added, " + replaced + " replaced, " + dropped + " dropped, " + unchanged + " unchanged";
    }
}
