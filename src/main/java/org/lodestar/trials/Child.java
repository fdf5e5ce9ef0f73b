package org.lodestar.trials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lodestar command run as a real child process ({@code java -cp … org.lodestar.cli.Main …}, on
 * the class path of this JVM: the jar, or the test classes), so that a trial can kill it with
 * SIGKILL as a power cut or the OOM killer would, and see only what reached the disk.
 * Its stdout and stderr are read as they come, the last line kept as the phase it was in.
 */
public final class Child implements AutoCloseable {
    private static final Pattern ORIGIN = Pattern.compile("home page\\s+(http://\\S+?)/?$");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final long started = System.nanoTime();
    private volatile String origin;
    private volatile long firstLine = -1, ended = -1;

    private Child(Process process) {
        this.process = process;
        // when it ended, not when someone looked: a trial that finds a build over after its sleep
        // must learn how long the build took, not how long it slept
        process.onExit().thenRun(() -> ended = System.nanoTime());
        readers.add(reader(process.getInputStream()));
        readers.add(reader(process.getErrorStream()));
    }

    /**
     * @param jvm options for the child JVM (heap, system properties)
     * @param args the Lodestar command line
     */
    public static Child start(List<String> jvm, List<String> args) {
        return start(jvm, args, List.of());
    }

    /** @param shell a shell prefix run before java (e.g. {@code ulimit -f N;}), empty for none */
    public static Child start(List<String> jvm, List<String> args, List<String> shell) {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(jvm);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add("org.lodestar.cli.Main");
        java.addAll(args);
        List<String> command = java;
        if (!shell.isEmpty()) {
            // the shell runs java in its own process (exec), so a kill reaches the JVM itself
            StringBuilder line = new StringBuilder(String.join(" ", shell)).append(" exec");
            for (String a : java)
                line.append(" '").append(a.replace("'", "'\\''")).append('\'');
            command = List.of("/bin/sh", "-c", line.toString());
        }
        try {
            return new Child(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Thread reader(java.io.InputStream stream) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (firstLine < 0)
                        firstLine = System.nanoTime();
                    lines.add(line);
                    Matcher m = ORIGIN.matcher(line.trim());
                    if (m.find())
                        origin = m.group(1);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the end; the exit code, or -1 when it had not ended in time (it is then killed). */
    public int await(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
                return -1;
            }
            for (Thread t : readers)
                t.join(5_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return -1;
        }
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux), then waits for the process to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (Thread t : readers)
                t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() { return process.isAlive(); }

    public long pid() { return process.pid(); }

    /** Seconds from the start to the end, or to now while it runs. */
    public double seconds() {
        long end = ended;
        return ((end < 0 ? System.nanoTime() : end) - started) / 1e9;
    }

    /** Every line printed so far, stdout and stderr interleaved as read. */
    public List<String> lines() { return List.copyOf(lines); }

    public String output() { return String.join("\n", lines); }

    /** The phase the last line names ({@code embedding: 12 / 40 texts} → {@code embedding}), or "start". */
    public String phase() {
        List<String> l = lines();
        if (l.isEmpty())
            return "start";
        String last = l.get(l.size() - 1);
        int colon = last.indexOf(':');
        String p = colon > 0 && colon < 40 ? last.substring(0, colon) : last.split(" ")[0];
        if (p.startsWith("/") || p.contains(".txt"))
            return "warnings";
        return p;
    }

    /** Seconds from the start to the first line the process printed; -1 while it has printed none. */
    public double firstLineSeconds() {
        long at = firstLine;
        return at < 0 ? -1 : (at - started) / 1e9;
    }

    /** Waits up to {@code seconds} for the first line; false when the process ended or the time passed without one. */
    public boolean awaitFirstLine(long seconds) {
        return waitFor(() -> firstLine >= 0, seconds, 20);
    }

    /**
     * Waits up to {@code seconds} for a line that ends with {@code line} (a progress line not yet
     * ended may come first on it); false when the process ended or the time passed without it.
     */
    public boolean awaitLine(String line, long seconds) {
        return waitFor(() -> printed(line), seconds, 20);
    }

    private boolean printed(String line) {
        return lines.stream().anyMatch(l -> l.endsWith(line));
    }

    /** The server's {@code http://localhost:PORT}, once it has said it listens; waits up to {@code seconds}. */
    public String origin(long seconds) {
        waitFor(() -> origin != null, seconds, 100);
        return origin;
    }

    /** Polls {@code done} every {@code pollMillis} until it holds, the process ends or {@code seconds} pass; its last answer. */
    private boolean waitFor(BooleanSupplier done, long seconds, long pollMillis) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && process.isAlive() && System.nanoTime() < until) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return done.getAsBoolean();
    }

    @Override
    public void close() {
        if (process.isAlive())
            kill();
    }
}
