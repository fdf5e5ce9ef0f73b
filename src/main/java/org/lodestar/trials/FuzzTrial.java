package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.ShapesValidator;

/**
 * {@code trials fuzz}: damaged copies of real pages (the seeds) and generated ones, each parsed,
 * converted and checked as {@code validate} and {@code build} do, in process and with a timeout.
 * A mutant may be accepted or refused with {@code FILE:LINE:} messages; anything else (an
 * exception, a hang, running out of memory, a message without its place or with raw control
 * characters) is a finding. A few mutants also go through the real command line, in a process of
 * their own, whose exit code must be the one the in-process run predicts.
 */
public final class FuzzTrial {

    /** {@code FILE:LINE: error: …}, on one line, nothing a terminal would act on. */
    private static final Pattern MESSAGE = Pattern.compile("[^\\s:][^:]*:[0-9]+: (error|warning): [^\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*");

    public record Settings(int count, long seed, long timeoutMillis, int cli, Path seeds, int generated, Path keep, double scale) {
        public static Settings defaults() {
            return new Settings(5_000, 42, 20_000, 8, Path.of("seeds"), 40, null, 1.0);
        }
    }

    private final Settings settings;
    private final List<SeedFile> sources;
    private final Findings<Mutation> findings = new Findings<>();
    private final Findings<Mutation> cliFindings = new Findings<>();
    private Pipeline pipeline = pipeline();
    private ExecutorService worker = worker();

    public FuzzTrial(Settings settings) throws IOException {
        this.settings = settings;
        this.sources = sources(settings);
    }

    /** {@code trials fuzz [--count N] [--seed S] [--timeout MS] [--cli N] [--seeds DIR]}: 0 when nothing was found. */
    public static int run(List<String> args, PrintStream out) {
        TrialArgs a = TrialArgs.parse(args, "count", "seed", "timeout", "cli", "seeds", "keep");
        if (a.error() != null) {
            out.println("trials fuzz: " + a.error());
            return 2;
        }
        Settings d = Settings.defaults();
        try {
            Settings s = new Settings((int) a.number("count", d.count(), 1, 10_000_000), a.number("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                    a.number("timeout", d.timeoutMillis(), 100, 3_600_000), (int) a.number("cli", d.cli(), 0, 1000),
                    Path.of(a.text("seeds", d.seeds().toString())), d.generated(),
                    a.text("keep", null) == null ? null : Path.of(a.text("keep", null)), d.scale());
            return new FuzzTrial(s).run(out).isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            out.println("trials fuzz: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("trials fuzz: " + e.getMessage());
            return 1;
        }
    }

    /** Runs every mutant, prints the tables and returns every finding, one line each. */
    public List<String> run(PrintStream out) throws IOException {
        long start = System.nanoTime();
        long generated = sources.stream().filter(f -> f.name().startsWith("gen-")).count();
        out.printf("fuzz: %d mutants of %d pages (%d from %s, %d generated), seed %d, timeout %d ms per mutant%n",
                settings.count(), sources.size(), sources.size() - generated, settings.seeds(), generated,
                settings.seed(), settings.timeoutMillis());
        Random random = new Random(settings.seed());
        MutationScale.set(settings.scale());
        Mutation[] kinds = Mutation.values();
        List<Mutant> forCli = new ArrayList<>();
        try {
            for (int i = 0; i < settings.count(); i++) {
                Mutant m = mutant(i, kinds[i % kinds.length], random);
                Outcome o = inProcess(m);
                if (forCli.size() < settings.cli() && !o.finding && (i % kinds.length == forCli.size() % kinds.length || i > settings.count() / 2))
                    forCli.add(m.withOutcome(o));
                if ((i + 1) % 1000 == 0)
                    out.printf("  %d mutants, %d findings, %.0f s%n", i + 1, findings.findings().size(), (System.nanoTime() - start) / 1e9);
            }
            findings.print(String.format("fuzz: %d mutants in %.0f s, in process; outcomes by mutation:", findings.total(),
                    (System.nanoTime() - start) / 1e9), out);
            if (!forCli.isEmpty()) {
                new CliCheck(cliFindings, settings.timeoutMillis() * 6).run(forCli, out);
                cliFindings.print("fuzz: " + cliFindings.total() + " of them through the command line (validate, build):", out);
            }
        } finally {
            worker.shutdownNow();
        }
        List<String> all = new ArrayList<>(findings.findings());
        all.addAll(cliFindings.findings());
        return all;
    }

    /** One damaged page, with the unchanged pages it is checked together with (none, or a few others). */
    record Mutant(Mutation kind, SeedFile page, List<SeedFile> with, Outcome expected) {
        Mutant withOutcome(Outcome o) {
            return new Mutant(kind, page, with, o);
        }
    }

    private Mutant mutant(int i, Mutation kind, Random random) {
        SeedFile source = sources.get(random.nextInt(sources.size()));
        byte[] bytes = kind.apply(source.content(), random);
        if (random.nextInt(5) == 0) // sometimes two kinds of damage at once
            bytes = Mutation.values()[random.nextInt(Mutation.values().length)].apply(bytes, random);
        String name = "m" + i + "-" + source.name().replace('/', '-');
        List<SeedFile> with = new ArrayList<>();
        if (random.nextInt(4) == 0)
            for (int k = 0; k < 2; k++) {
                SeedFile other = sources.get(random.nextInt(sources.size()));
                if (!other.equals(source) && !with.contains(other))
                    with.add(other);
            }
        return new Mutant(kind, new SeedFile(name, name, bytes), with, null);
    }

    private Outcome inProcess(Mutant m) {
        List<SeedFile> files = new ArrayList<>(m.with());
        files.add(m.page());
        Future<PipelineResult> run = worker.submit(() -> pipeline.run(files, true));
        Outcome outcome;
        String detail = m.page().name() + " (" + m.page().content().length + " bytes)";
        try {
            PipelineResult result = run.get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
            String bad = result.messages().stream().filter(l -> !MESSAGE.matcher(l).matches()).findFirst().orElse(null);
            boolean failed = result.failed(false);
            if (bad != null) {
                outcome = Outcome.BAD_MESSAGE;
                detail += ": " + visible(bad);
            } else if (failed && result.messages().stream().noneMatch(l -> l.contains(": error: "))) {
                outcome = Outcome.BAD_MESSAGE;
                detail += ": refused without an error message";
            } else {
                outcome = failed ? Outcome.REFUSED : Outcome.ACCEPTED;
            }
        } catch (TimeoutException e) {
            outcome = slowOrHang(run, m);
            if (outcome == Outcome.SLOW)
                detail += ": finished after the timeout";
        } catch (ExecutionException e) {

            Throwable t = e.getCause();
            outcome = t instanceof OutOfMemoryError ? Outcome.OUT_OF_MEMORY : Outcome.UNCAUGHT;
            detail += ": " + describe(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        findings.count(m.kind(), outcome, detail);
        if (outcome.finding && settings.keep() != null)
            keep(m);
        return outcome;
    }

    /** Writes a mutant that gave a finding into the --keep folder, with the pages it was checked with. */
    private void keep(Mutant m) {
        try {
            Path dir = Files.createDirectories(settings.keep().resolve(m.page().name().replaceAll("\\.txt$", "")));
            Files.write(dir.resolve(m.page().name()), m.page().content());
            for (SeedFile f : m.with())
                Files.write(dir.resolve(f.name().replace('/', '-')), f.content());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("--keep: " + e.getMessage(), e);
        }
    }

    /** Waits up to ten times the timeout more: a mutant that finishes then is slow; one that does not, a hang. */
    private Outcome slowOrHang(Future<PipelineResult> run, Mutant m) {
        try {
            run.get(settings.timeoutMillis() * 10, TimeUnit.MILLISECONDS);
            return Outcome.SLOW;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return e.getCause() instanceof OutOfMemoryError ? Outcome.OUT_OF_MEMORY : Outcome.UNCAUGHT;
        } catch (TimeoutException e) {
            run.cancel(true);
            // the stuck thread cannot be stopped: leave it, and go on with a new worker and pipeline
            worker.shutdownNow();
            worker = worker();
            pipeline = pipeline();
            return Outcome.HANG;
        }
    }

    static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        String where = "";
        for (StackTraceElement e : st)
            if (e.getClassName().startsWith("org.lodestar")) {
                where = " at " + e;
                break;
            }
        if (where.isEmpty() && st.length > 0)
            where = " at " + st[0];
        String msg = t.getMessage() == null ? "" : ": " + visible(t.getMessage());
        return t.getClass().getName() + (msg.length() > 200 ? msg.substring(0, 200) + "…" : msg) + where;
    }

    /** A message as a finding shows it: control characters visible, shortened. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)
                b.append(String.format("\\u%04X", c));
            else
                b.appendCodePoint(c);
        });
        return s.length() > 200 ? b + "…" : b.toString();
    }

    private static ExecutorService worker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static Pipeline pipeline() {
        return new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris("http://localhost:8080/"));
    }

    /** The real pages of the seeds folder (if there is one), and pages the generator writes. */
    private static List<SeedFile> sources(Settings s) throws IOException {
        List<SeedFile> pages = new ArrayList<>();
        if (Files.isDirectory(s.seeds()))
            for (SeedFile f : SeedFiles.folder(s.seeds()))
                pages.add(new SeedFile(f.name(), f.display(), f.content()));
        Path dir = Files.createTempDirectory("lodestar-fuzz-");
        try {
            new Generator(Ontology.load()).generate(s.generated(), s.seed(), dir.resolve("pages"));
            List<SeedFile> generated = SeedFiles.folder(dir.resolve("pages"));
            for (int i = 0; i < generated.size() && i < s.generated(); i++)
                pages.add(new SeedFile("gen-" + generated.get(i).name(), "gen-" + generated.get(i).name(), generated.get(i).content()));
        } finally {
            TrialFiles.delete(dir);
        }
        return pages;
    }
}
