package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.store.CommitHold;

/**
 * {@code trials crash}: kill -9 a {@code build} at random moments and check what it leaves.
 * Generated pages are built once; then each run edits pages (a few: the edit path; more than one
 * in a hundred: the full path), starts {@code build} as a child process, kills it at a moment
 * drawn uniformly over the duration such a build took before, and checks that the database opens
 * and holds exactly the data before the edit or exactly the data after it (a fingerprint of every
 * graph), that the next build succeeds, and that the server it starts sends stored descriptions
 * that are the data's. Every third run also tears one of the files beside the database first.
 * At the end a clean build of the final pages must have the fingerprint the trial ended with.
 */
public final class CrashTrial extends Trial {
    /**
     * @param serveEvery the server is started and checked after every this many kills, and after the last; 0 never
     * @param cleanAtEnd a clean build of the final pages is compared with the trial's database
     * @param withinWork false: the kill moment is drawn over the whole build, JVM start included, as
     *        a power cut would fall; true (the JUnit slice): the first kill falls in the pause
     *        {@link CommitHold} makes when everything is written and the commit is next, and each
     *        other kill k of n over the part of the build after its first line, in the k-th (n-1)th
     *        of it, so that every one of a few kills lands while the build writes or renders rather
     *        than while the JVM starts (at 60 pages that start is most of an edit build, kills there
     *        check nothing, and the transaction is a few milliseconds that a random kill misses)
     */
    public record Settings(int runs, int pages, long seed, int serveEvery, int sample, boolean cleanAtEnd, boolean withinWork) {
        public Settings(int runs, int pages, long seed, int serveEvery, int sample, boolean cleanAtEnd) {
            this(runs, pages, seed, serveEvery, sample, cleanAtEnd, false);
        }
    }

    /** One kill: when, in which phase, what the database held after it. */
    public record Kill(int run, String path, double at, double of, String phase, String held, String torn) {}

    private final Settings s;
    private final List<Kill> kills = new ArrayList<>();
    private final Map<String, Integer> phases = new LinkedHashMap<>();
    private int finishedFirst, oldSeen, newSeen, servedChecks;

    public CrashTrial(Settings s, Path work, PrintStream out) {
        super(work, out);
        this.s = s;
    }

    public List<Kill> kills() { return kills; }

    @Override
    public List<String> run() throws IOException {
        Random random = new Random(s.seed());
        Path pages = work.resolve("pages"), db = work.resolve("db"), built = work.resolve("first-build-seconds");
        double firstSeconds;
        if (java.nio.file.Files.exists(built)) {
            // a database this trial built before, in this folder: building 3,000 pages again costs minutes
            firstSeconds = Double.parseDouble(java.nio.file.Files.readString(built).trim());
            out.println("using the pages and database of an earlier trial in " + work);
        } else {
            clean(work);
            int entities = Math.max(20, s.pages() * 10 / 9);
            out.println("generating " + entities + " entities into " + pages);
            out.println("  " + new Generator(Ontology.load()).generate(entities, s.seed(), pages));
            Child first = completed(3600, "build", "--seeds", pages.toString(), "--db", db.toString());
            firstSeconds = first.seconds();
            java.nio.file.Files.writeString(built, String.valueOf(firstSeconds));
            out.printf("first build: %.1f s%n", firstSeconds);
        }
        double edit = firstSeconds;
        if (!s.withinWork()) {
            // one edit build, not killed, to learn how long one takes on this machine now; within the
            // work, the first kill is the held one, and the build after it (the same edit) tells
            Edits.describe(pages, 2, "rev-warm-" + random.nextInt(1000), random);
            Child warm = completed(3600, "build", "--seeds", pages.toString(), "--db", db.toString());
            out.printf("an edit build, not killed: %.1f s%n", warm.seconds());
            edit = warm.seconds();
        }
        Map<String, String> before = fingerprint(db);
        if (before == null)
            throw new IllegalStateException("the database does not open");
        double[] estimate = {edit, Math.max(edit, firstSeconds * 0.6)}; // edit path, full path
        int attempts = 0;
        while (kills.size() < s.runs() && attempts++ < s.runs() * 3) {
            int run = attempts;
            boolean full = run % 7 == 0; // the full path costs minutes at 3,000 pages: one run in seven
            String marker = "rev-R" + run + "-" + Long.toHexString(random.nextLong() & 0xffffff);
            int count = full ? Math.max(3, s.pages() / 80) : Math.max(1, Math.min(s.pages() / 200, 1 + random.nextInt(8)));
            int edited = Edits.describe(pages, count, marker, random);
            double at;
            boolean hold = s.withinWork() && kills.isEmpty();
            Child build;
            if (hold) {
                List<String> jvm = new ArrayList<>(childJvm);
                jvm.add("-D" + CommitHold.PROPERTY + "=600000"); // killed long before: the pause is where the kill goes
                build = Child.start(jvm, List.of("build", "--seeds", pages.toString(), "--db", db.toString()));
                if (!build.awaitLine(CommitHold.LINE, 600))
                    fail("run " + run + ": the build did not reach its commit:\n" + tail(build.output(), 10));
                at = build.seconds();
            } else {
                build = lodestar("build", "--seeds", pages.toString(), "--db", db.toString());
                if (s.withinWork()) {
                    // the k-th of the other kills in the k-th part of the work: a few kills spread over all of it
                    int others = Math.max(1, s.runs() - 1);
                    at = (kills.size() - 1 + random.nextDouble()) / others * estimate[full ? 1 : 0] * 0.95;
                    if (!build.awaitFirstLine(600))
                        fail("run " + run + ": the build printed nothing:\n" + tail(build.output(), 10));
                } else {
                    at = 0.3 + random.nextDouble() * Math.max(0.5, estimate[full ? 1 : 0] * 1.05);
                }
                sleep(at);
            }
            if (!build.alive()) {
                finishedFirst++;
                int code = build.await(10);
                out.printf("run %d: the build (%d pages) ended (exit %d) before the kill at %.1f s%s%n", run, edited, code, at,
                        s.withinWork() ? " after its first line" : "");
                estimate[full ? 1 : 0] = span(build);
                if (code != 0)
                    fail("run " + run + ": a build exited " + code + ":\n" + tail(build.output(), 10));
                before = fingerprint(db);
                continue;
            }
            String phase = hold ? "before commit (held)" : build.phase();
            build.kill();
            Map<String, String> killed = fingerprint(db);
            String torn = null;
            if (kills.size() % 3 == 2) {
                String suffix = SideFiles.SUFFIXES.get((kills.size() / 3) % SideFiles.SUFFIXES.size());
                torn = SideFiles.tear(db, suffix, random);
                if (torn == null)
                    torn = "nothing: no " + suffix + " file with bytes in it"; // said, so that a skipped tear is not taken for one
            }
            Child next = lodestar("build", "--seeds", pages.toString(), "--db", db.toString());
            int code = next.await(1800);
            save("run-" + run + "-killed.log", build.output());
            save("run-" + run + "-next.log", next.output());
            Map<String, String> after = code == 0 ? fingerprint(db) : null;
            String held;
            if (killed == null)
                held = "DOES NOT OPEN";
            else if (killed.equals(before))
                held = "old";
            else if (after != null && killed.equals(after))
                held = "new";
            else
                held = "NEITHER (" + Fingerprint.difference(killed, before) + " from the old)";
            if (held.equals("old"))
                oldSeen++;
            else if (held.equals("new"))
                newSeen++;
            else
                fail("run " + run + ": after a kill in phase '" + phase + "' the database holds " + held);
            if (code != 0)
                fail("run " + run + ": the build after the kill exited " + code + ":\n" + tail(next.output(), 10));
            else if (held.equals("old") && next.seconds() > 3)
                estimate[full ? 1 : 0] = span(next);
            Kill k = new Kill(run, full ? "full" : "edit", at, estimate[full ? 1 : 0], phase, held, torn);
            kills.add(k);
            phases.merge(phase, 1, Integer::sum);
            out.printf("run %d: %s path, %d page(s) edited, killed at %.1f s%s in '%s': database %s; next build %s in %.1f s%s%n",
                    run, k.path(), edited, at, s.withinWork() && !hold ? " after its first line" : "", phase, held, code == 0 ? "ok" : "FAILED", next.seconds(),
                    torn == null ? "" : "; torn before it: " + torn);
            boolean last = kills.size() == s.runs();
            if (s.serveEvery() > 0 && code == 0 && (kills.size() % s.serveEvery() == 0 || last))
                serve(db, marker, random, run);
            if (after != null)
                before = after;
        }
        if (s.cleanAtEnd())
            finalCheck(pages, before);
        out.println(summary());
        return failures;
    }

    /** Starts the server on the database and compares what it sends with the data. */
    private void serve(Path db, String marker, Random random, int run) {
        try (Child server = lodestar("serve", "--db", db.toString(), "--port", "0")) {
            String origin = server.origin(300);
            if (origin == null) {
                fail("run " + run + ": the server did not start:\n" + tail(server.output(), 10));
                return;
            }
            ServedCheck check = new ServedCheck(origin);
            if (!check.web().awaitPing(60)) {
                fail("run " + run + ": the server does not answer /$/ping");
                return;
            }
            List<String> marked = check.marked(marker, "http://localhost:8080/");
            ServedCheck.Result r = check.check(marked, marker, s.sample(), random);
            Web.Answer search = check.web().get("/search?q=synthetic", "application/json");
            servedChecks++;
            out.println("  served: " + r + "; /search " + search.status());
            if (!r.ok())
                fail("run " + run + ": " + r);
            if (marked.isEmpty())
                fail("run " + run + ": no entity shows the edit " + marker);
            if (search.status() != 200)
                fail("run " + run + ": /search answered " + search.status());
        }
    }

    /** A clean build of the final pages, in a new folder, must hold what the killed and resumed builds ended with. */
    private void finalCheck(Path pages, Map<String, String> ended) {
        Path clean = work.resolve("clean");
        Child c = lodestar("build", "--seeds", pages.toString(), "--db", clean.toString());
        if (c.await(1800) != 0) {
            fail("the clean build of the final pages failed:\n" + tail(c.output(), 10));
            return;
        }
        Map<String, String> f = fingerprint(clean);
        if (f == null || !f.equals(ended))
            fail("the clean build of the final pages differs from the trial's database: "
                    + (f == null ? "does not open" : Fingerprint.difference(ended, f)));
        else
            out.println("clean build of the final pages: the same fingerprint (" + f.size() + " graphs)");
    }

    private void save(String name, String text) {
        try {
            java.nio.file.Files.createDirectories(work.resolve("logs"));
            java.nio.file.Files.writeString(work.resolve("logs").resolve(name), text);
        } catch (IOException e) {
            // logs are for reading after, not for the checks
        }
    }

    public String summary() {
        return String.format("crash: %d kills (%d held the old data, %d the new), %d build(s) ended before their kill, "
                        + "%d server check(s); phases at the kill: %s; %d failure(s)",
                kills.size(), oldSeen, newSeen, finishedFirst, servedChecks, phases, failures.size());
    }

    /** How long {@code build} took over the part the kill moment is drawn from (see {@link Settings#withinWork}). */
    private double span(Child build) {
        double first = build.firstLineSeconds();
        return s.withinWork() && first >= 0 ? build.seconds() - first : build.seconds();
    }

    static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
