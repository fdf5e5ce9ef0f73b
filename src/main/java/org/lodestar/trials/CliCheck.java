package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lodestar.pipeline.SeedFile;

/**
 * Mutants through the real command line, each in a JVM of its own ({@code validate} and
 * {@code build} by turns): the exit code must be 0 for a mutant the in-process run accepted and 1
 * for one it refused, and nothing printed may be a stack trace.
 */
final class CliCheck {
    private final Findings<Mutation> findings;
    private final long timeoutMillis;

    CliCheck(Findings<Mutation> findings, long timeoutMillis) {
        this.findings = findings;
        this.timeoutMillis = timeoutMillis;
    }

    void run(List<FuzzTrial.Mutant> mutants, PrintStream out) throws IOException {
        if (mutants.isEmpty())
            return;
        out.printf("  %d mutants through the command line (a JVM each)%n", mutants.size());
        for (int i = 0; i < mutants.size(); i++) {
            FuzzTrial.Mutant m = mutants.get(i);
            Path dir = Files.createTempDirectory("lodestar-fuzz-cli-");
            try {
                Path pages = Files.createDirectory(dir.resolve("pages"));
                for (SeedFile f : all(m))
                    Files.write(pages.resolve(f.name().replace('/', '-')), f.content());
                List<String> command = i % 2 == 0
                        ? List.of("validate", pages.toString())
                        : List.of("build", "--seeds", pages.toString(), "--db", dir.resolve("db").toString(), "--similarity", "imported");
                check(m, command, dir);
            } finally {
                TrialFiles.delete(dir);
            }
        }
    }

    private static List<SeedFile> all(FuzzTrial.Mutant m) {
        List<SeedFile> files = new ArrayList<>(m.with());
        files.add(m.page());
        return files;
    }

    private void check(FuzzTrial.Mutant m, List<String> args, Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.lodestar.cli.Main"));
        command.addAll(args);
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String detail = args.get(0) + " " + m.page().name();
        try {
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                findings.count(m.kind(), Outcome.HANG, detail + " through the command line");
                return;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return;
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        int want = m.expected() == Outcome.ACCEPTED ? 0 : 1;
        if (output.contains("\tat ") || output.contains("Exception in thread"))
            findings.count(m.kind(), Outcome.UNCAUGHT, detail + ": a stack trace: " + FuzzTrial.visible(output));
        else if (p.exitValue() != want)
            findings.count(m.kind(), Outcome.BAD_EXIT, detail + ": exit " + p.exitValue() + ", expected " + want + ": "
                    + FuzzTrial.visible(output));
        else
            findings.count(m.kind(), m.expected(), detail + " through the command line");
    }
}
