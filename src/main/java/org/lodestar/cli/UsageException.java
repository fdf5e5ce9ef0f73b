package org.lodestar.cli;

/** A command line that cannot run: the message names the option or argument at fault. */
public final class UsageException extends Exception {
    private final boolean suggestHelp;

    public UsageException(String message) {
        this(message, true);
    }

    /**
     * @param suggestHelp false when the option is well formed but names something unusable right
     *                    now (a port in use, a database another process holds): {@code --help}
     *                    would not help, so the message stays one line
     */
    public UsageException(String message, boolean suggestHelp) {
        super(message);
        this.suggestHelp = suggestHelp;
    }

    public boolean suggestHelp() { return suggestHelp; }
}
