package org.lodestar.trials;

/** What one trial case gave: the two good outcomes, and the kinds of finding. */
enum Outcome {
    /** Accepted: exit 0. */
    ACCEPTED(false),
    /** Refused with {@code FILE:LINE:} messages: exit 1. */
    REFUSED(false),
    /** Finished, accepted or refused, but only after the timeout: a figure to report, not a failure. */
    SLOW(false),
    /** An exception or error escaped: the user would see a stack trace. */
    UNCAUGHT(true),
    /** Did not finish within ten times the timeout. */
    HANG(true),
    OUT_OF_MEMORY(true),
    /** Refused, but a message does not start {@code FILE:LINE:}, or holds a raw control character. */
    BAD_MESSAGE(true),
    /** Through the real command line: an exit code other than 0 or 1, or not the one the in-process run predicts. */
    BAD_EXIT(true),
    /** HTTP: a 5xx where the request was the client's fault. */
    SERVER_ERROR(true),
    /** HTTP: a stack trace or an internal file path in an answer. */
    LEAK(true),
    /** HTTP: a text answer without {@code X-Content-Type-Options: nosniff}. */
    NO_NOSNIFF(true),
    /** HTTP: markup from a parameter came back unescaped in HTML. */
    REFLECTED(true),
    /** HTTP: a CR or LF from a parameter made a header of its own. */
    INJECTED(true),
    /** HTTP: a path outside the served folders was served. */
    ESCAPED(true),
    /** HTTP: a request that should be refused (4xx) was answered. */
    NOT_REFUSED(true),
    /** HTTP: other requests waited on an expensive query. */
    STARVED(true);

    final boolean finding;

    Outcome(boolean finding) {
        this.finding = finding;
    }
}
