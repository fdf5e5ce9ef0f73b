package org.lodestar.replica;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Lodestar command in a JVM of its own (so that it can be killed with -9), its output in a file. */
final class Child implements AutoCloseable {
    private static final Pattern HOME = Pattern.compile("home page\\s+http://localhost:(\\d+)/");

    final String name;
    final Path log;
    private final Process process;

    private Child(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static Child start(String name, Path dir, String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.lodestar.cli.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Child(name, log, p);
    }

    String output() throws IOException { return Files.readString(log, StandardCharsets.UTF_8); }

    /** The port the server says it listens on, once it does. */
    int port(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = HOME.matcher(output());
            if (m.find())
                return Integer.parseInt(m.group(1));
            if (!process.isAlive())
                throw new AssertionError(name + " ended: " + output());
            Thread.sleep(200);
        }
        throw new AssertionError(name + " did not start in " + patience + ": " + output());
    }

    /** Waits until {@code port} accepts connections. */
    void listening(int port, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive())
                    throw new AssertionError(name + " ended: " + output());
                Thread.sleep(200);
            }
        }
        throw new AssertionError(name + " not listening on " + port + ": " + output());
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive())
            kill9();
    }
}
