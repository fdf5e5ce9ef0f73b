package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.util.ClasspathFolder;

/**
 * {@code trials load}: {@code --clients} concurrent clients ask a server (a process of its own)
 * for the description ({@code /doc}, Turtle) and the view ({@code /view}, HTML) of random entities
 * for {@code --seconds}, while expensive SPARQL queries run beside them, once per heap in
 * {@code --heaps}. Counted: errors (any answer but 200 to a page, or none), latencies, and what
 * the expensive queries got: 200, refused by the guard (503 with {@code Retry-After}), cut by the
 * timeout (Fuseki's 503, without it), or no answer. The server must be
 * alive at the end and must not have run out of memory. A database built for the same entity
 * count in the same {@code --work} folder is used again.
 */
public final class LoadTrial extends Trial {
    public record Settings(int entities, int clients, int seconds, List<String> heaps, long seed) {}

    /** One heap's figures. */
    public record Figures(String heap, long requests, long errors, double docP50, double docP99, double viewP50, double viewP99,
                          Map<String, Long> sparql, boolean alive, boolean oom) {
        @Override
        public String toString() {
            return String.format("heap %-8s %,9d requests  %,6d errors  /doc p50 %6.1f ms p99 %7.1f ms  /view p50 %6.1f ms p99 %7.1f ms"
                            + "  expensive SPARQL %s  %s", heap, requests, errors, docP50, docP99, viewP50, viewP99, sparql,
                    alive && !oom ? "alive" : oom ? "OUT OF MEMORY" : "DEAD");
        }
    }

    private static final int EXPENSIVE_CLIENTS = 4;
    private final Settings s;
    private final List<Figures> figures = new ArrayList<>();

    public LoadTrial(Settings s, Path work, PrintStream out) {
        super(work, out);
        this.s = s;
    }

    public List<Figures> figures() { return figures; }

    @Override
    public List<String> run() throws IOException {
        Path pages = work.resolve("pages"), db = work.resolve("db"), ready = work.resolve("built-entities");
        String built = Files.exists(ready) ? Files.readString(ready).trim() : "";
        if (!built.equals(String.valueOf(s.entities()))) {
            clean(work);
            out.println("  " + new Generator(Ontology.load()).generate(s.entities(), s.seed(), pages));
            Child b = completed(3600, "build", "--seeds", pages.toString(), "--db", db.toString());
            out.printf("built in %.0f s%n", b.seconds());
            Files.writeString(ready, String.valueOf(s.entities()));
        } else
            out.println("using the database built for " + built + " entities in " + db);
        for (String heap : s.heaps())
            figures.add(measure(db, heap.trim()));
        out.println("load: " + s.clients() + " clients for " + s.seconds() + " s at " + s.entities() + " entities, "
                + EXPENSIVE_CLIENTS + " clients running expensive queries beside them");
        figures.forEach(f -> out.println("  " + f));
        return failures;
    }

    private Figures measure(Path db, String heap) {
        List<String> jvm = heap.equals("default") ? List.of() : List.of("-Xmx" + heap);
        try (Child server = Child.start(jvm, List.of("serve", "--db", db.toString(), "--port", "0"))) {
            String origin = server.origin(600);
            Web web = origin == null ? null : new Web(origin, Duration.ofSeconds(60));
            if (web == null || !web.awaitPing(120)) {
                fail("heap " + heap + ": the server did not start:\n" + tail(server.output(), 10));
                return new Figures(heap, 0, 0, 0, 0, 0, 0, Map.of(), false, false);
            }
            List<String> docs = new ServedCheck(origin).docs();
            if (docs.isEmpty()) {
                fail("heap " + heap + ": the sitemap lists no entity");
                return new Figures(heap, 0, 0, 0, 0, 0, 0, Map.of(), server.alive(), false);
            }
            String[] expensive = {ClasspathFolder.read("queries/trials/expensive-pairs.rq"), ClasspathFolder.read("queries/trials/expensive-labels.rq")};
            long until = System.nanoTime() + s.seconds() * 1_000_000_000L;
            Samples doc = new Samples(), view = new Samples();
            AtomicLong errors = new AtomicLong();
            Map<String, AtomicLong> sparql = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            // One HTTP client for all of them, as a load generator has: its own client each meant 200
            // selector threads, on the two cores the server is measured on.
            Web client = new Web(origin, Duration.ofSeconds(60));
            for (int c = 0; c < s.clients(); c++) {
                Random r = new Random(s.seed() * 1000 + c);
                threads.add(new Thread(null, () -> {
                    while (System.nanoTime() < until) {
                        String d = docs.get(r.nextInt(docs.size()));
                        boolean isDoc = r.nextBoolean();
                        Web.Answer a = isDoc ? client.get(d, "text/turtle") : client.get("/view/" + d.substring("/doc/".length()), "text/html");
                        if (a.status() != 200)
                            errors.incrementAndGet();
                        else
                            (isDoc ? doc : view).add(a.nanos());
                    }
                }, "client-" + c, 256 * 1024));
            }
            for (int c = 0; c < EXPENSIVE_CLIENTS; c++) {
                int k = c;
                threads.add(new Thread(() -> {
                    while (System.nanoTime() < until) {
                        Web.Answer a = web.sparql(expensive[k % expensive.length], "application/sparql-results+json");
                        String outcome = outcome(a);
                        sparql.computeIfAbsent(outcome, x -> new AtomicLong()).incrementAndGet();
                        if (outcome.equals(REFUSED))
                            CrashTrial.sleep(1);
                    }
                }, "expensive-" + c));
            }
            out.println("heap " + heap + ": " + s.clients() + " clients for " + s.seconds() + " s on " + docs.size() + " entities…");
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean alive = server.alive() && web.get("/$/ping", "*/*").ok();
            boolean oom = server.output().contains("OutOfMemoryError");
            Map<String, Long> bySt = new TreeMap<>();
            sparql.forEach((k, v) -> bySt.put(k, v.get()));
            Figures f = new Figures(heap, doc.count() + view.count() + errors.get(), errors.get(), doc.percentile(50), doc.percentile(99),
                    view.percentile(50), view.percentile(99), bySt, alive, oom);
            out.println("  " + f);
            if (!alive || oom)
                fail("heap " + heap + ": the server " + (oom ? "ran out of memory" : "died") + " under load");
            if (errors.get() > 0)
                fail("heap " + heap + ": " + errors.get() + " page request(s) failed");
            return f;
        }
    }

    static final String REFUSED = "503 refused", TIMED_OUT = "503 timeout", NO_ANSWER = "no answer";

    /**
     * What an expensive query got. Both the guard and Fuseki's timeout answer 503; only the guard
     * says when to come back ({@code Retry-After}), which tells a query not started from one cut.
     */
    static String outcome(Web.Answer a) {
        if (a.status() == 503)
            return a.retryAfter() != null ? REFUSED : TIMED_OUT;
        return a.status() < 0 ? NO_ANSWER : String.valueOf(a.status());
    }

    /** Latencies in milliseconds, and their percentiles (nearest rank). */
    private static final class Samples {
        private double[] ms = new double[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == ms.length)
                ms = Arrays.copyOf(ms, size * 2);
            ms[size++] = nanos / 1e6;
        }

        synchronized long count() { return size; }

        synchronized double percentile(double p) {
            if (size == 0)
                return Double.NaN;
            double[] sorted = Arrays.copyOf(ms, size);
            Arrays.sort(sorted);
            return sorted[Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100 * size) - 1))];
        }
    }
}
