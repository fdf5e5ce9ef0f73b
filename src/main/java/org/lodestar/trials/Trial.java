package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What every trial shares: where it works, how it starts children, what it prints. */
abstract class Trial {
    protected final Path work;
    protected final PrintStream out;
    protected final List<String> failures = new ArrayList<>();
    protected List<String> childJvm = List.of("-Xmx1g", "-XX:+UseSerialGC");

    Trial(Path work, PrintStream out) {
        this.work = work;
        this.out = out;
    }

    /** Runs the trial; @return its failures (empty when every check held). */
    abstract List<String> run() throws IOException;

    protected void fail(String what) {
        failures.add(what);
        out.println("  FAILED: " + what);
    }

    protected Child lodestar(String... args) {
        return Child.start(childJvm, List.of(args));
    }

    /** Runs {@code args} to its end; @throws IllegalStateException with its output when it does not exit 0 */
    protected Child completed(long seconds, String... args) {
        Child c = lodestar(args);
        int code = c.await(seconds);
        if (code != 0)
            throw new IllegalStateException(String.join(" ", args) + " exited " + code + ":\n" + tail(c.output(), 20));
        return c;
    }

    /** The fingerprint of {@code db}, read by a process of its own: that it opens at all is the first check. */
    protected Map<String, String> fingerprint(Path db) {
        Child c = lodestar("trials", "fingerprint", "--db", db.toString());
        int code = c.await(600);
        if (code != 0)
            return null;
        Map<String, String> f = new TreeMap<>();
        for (String line : c.lines()) {
            int space = line.indexOf(' ');
            if (line.startsWith("fingerprint ") && space > 0) {
                String[] parts = line.split(" ", 3);
                f.put(parts[2], parts[1]);
            }
        }
        return f.isEmpty() ? null : f;
    }

    static String tail(String text, int lines) {
        String[] l = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(l, Math.max(0, l.length - lines), l.length));
    }

    static void clean(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (var all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
