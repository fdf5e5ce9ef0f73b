package org.lodestar.trials;

/** What one trial case gave: the two good outcomes, and the kinds of finding. */
enum Outcome {
    /** Accepted: exit 0. */
    ACCEPTED(false),
    /** Refused with {@code FILE:LINE:} messages: exit 1. */
    REFUSED(false),
    /** An exception or error escaped: the user would see a stack trace. */
    UNCAUGHT(true),
    /** Did not finish within the timeout. */
    HANG(true),
    OUT_OF_MEMORY(true),
    /** Refused, but a message does not start {@code FILE:LINE:}, or holds a raw control character. */
    BAD_MESSAGE(true),
    /** Through the real command line: an exit code other than 0 or 1, or not the one the in-process run predicts. */
    BAD_EXIT(true);

    final boolean finding;

    Outcome(boolean finding) {
        this.finding = finding;
    }
}
