package org.lodestar.replica;

/** A write that could not be published, and so was not committed: the message is one line for the user. */
public final class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
