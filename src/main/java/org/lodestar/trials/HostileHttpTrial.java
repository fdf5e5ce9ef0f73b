package org.lodestar.trials;

import java.io.PrintStream;
import java.util.List;

/** {@code trials http}: hostile requests against a real server. */
public final class HostileHttpTrial {
    private HostileHttpTrial() {}

    public static int run(List<String> args, PrintStream out) {
        out.println("trials http: not yet");
        return 1;
    }
}
