package org.lodestar.store;

/**
 * A pause just before a build's write transaction commits, for {@code trials crash} only: with the
 * system property {@value #PROPERTY} set to a number of milliseconds, a build that has written
 * everything prints {@value #LINE} and waits that long before it commits, so that a trial can kill
 * it at the one moment where a build that wrote outside its transaction (pages committed before the
 * derived data, say) would leave the database neither old nor new. Such a kill lands there by
 * chance only one time in many: at a few dozen pages the transaction lasts a few milliseconds of a
 * build that takes seconds. Without the property (every ordinary run) it does nothing.
 */
public final class CommitHold {
    public static final String PROPERTY = "lodestar.trials.holdBeforeCommit";
    public static final String LINE = "trial: holding the write transaction before its commit";

    private CommitHold() {}

    /** Returns {@code result}, after the pause when the property asks for one. */
    static <T> T then(T result) {
        long millis = Long.getLong(PROPERTY, 0L);
        if (millis > 0) {
            System.out.println(LINE);
            System.out.flush();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }
}
