package org.lodestar.store;

import java.util.List;

/** A build that wrote nothing, with the messages that say why. */
public final class BuildFailedException extends Exception {
    private final List<String> messages;

    public BuildFailedException(String summary, List<String> messages) {
        super(summary);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() { return messages; }
}
