package org.lodestar.cli;

/** A command line that cannot run: the message names the option or argument at fault. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
