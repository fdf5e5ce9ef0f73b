package org.lodestar.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Dereferencing: {@code /doc/{type}/{slug}.ttl} for random entities (each once, while there are
 * enough: see {@link EntitySample#uniform}) with 32 concurrent clients,
 * against {@code DESCRIBE <iri>} of the same entities through {@code /kg/sparql}, also as Turtle.
 * Each side first gets an unmeasured warm-up on the other entities, each at most once (the server
 * keeps what it rendered: a repeated entity would warm the cache instead of the rendering), for
 * up to {@link #WARM_UP_SECONDS}. On two cores the JIT takes that long: at 20,000 entities
 * DESCRIBE answered ~65 requests/s for its first 30 s of traffic and ~750 from 40 s on, and /doc
 * rose from ~300 to ~1,000 over its first minute; with the 15 s warm-up used before, the two were
 * measured at different points of that climb. Then each side runs until it has sent its requests
 * or its time is up (a slow side must not hold the run for an hour; its rate is what it managed).
 */
final class DerefThroughput implements Measurement {
    private static final String TURTLE = "text/turtle";
    static final long SECONDS_PER_SIDE = 90, WARM_UP_SECONDS = 60;

    @Override
    public String name() { return "dereferencing"; }

    @Override
    public void run(BenchContext c, Results r) throws InterruptedException {
        int n = c.settings().requests(), clients = c.settings().clients();
        List<Target> targets = EntitySample.uniform(c.entities(), n, c.settings().seed() + 1);
        Function<Target, Http.Response> doc = t -> c.http().get(t.path("doc", ".ttl"), TURTLE);
        Function<Target, Http.Response> describe = t -> c.http().sparql("DESCRIBE <" + t.iri().getURI() + ">", TURTLE);
        List<Target> warmUp = EntitySample.others(c.entities(), targets, c.entities().size(), c.settings().seed() + 3);
        boolean hasDoc = doc.apply(warmUp.isEmpty() ? targets.get(0) : warmUp.get(0)).status() != 404;
        c.log().printf("dereferencing: %,d requests per side, %d clients, warm-up on %,d other entities; /doc %s%n", n, clients,
                warmUp.size(), hasDoc ? "present" : "missing (n/a)");
        r.put("deref_clients", clients);
        r.put("deref_requests", n);
        r.put("deref_warm_up_entities", warmUp.size());
        r.put("deref_seconds_per_side", SECONDS_PER_SIDE);
        if (hasDoc) {
            warmUp(warmUp, clients, doc, r, "deref");
            Latencies docs = new Latencies();
            Tally answers = new Tally();
            double rps = run(targets, clients, answers.counting(doc), docs, SECONDS_PER_SIDE);
            r.put("deref_rps", rps).put("deref_p50_ms", docs.percentile(50)).put("deref_p99_ms", docs.percentile(99))
                    .put("deref_errors", docs.errors()).put("deref_sent", docs.count() + docs.errors())
                    .put("deref_from_store", answers.stored.sum()).put("deref_mean_bytes", answers.meanBytes(docs));
            compressed(targets, clients, t -> c.http().getCompressed(t.path("doc", ".ttl"), TURTLE), r);
        } else {
            r.put("deref_warm_up_sent", null).put("deref_from_store", null).put("deref_warm_up_s", null).put("deref_rps", null).put("deref_p50_ms", null).put("deref_p99_ms", null)
                    .put("deref_errors", null).put("deref_mean_bytes", null).put("deref_deflate_rps", null).put("deref_deflate_p99_ms", null)
                    .put("deref_deflate_sent", null).put("deref_deflate_encoded", null).put("deref_deflate_from_store", null).put("deref_deflate_mean_bytes", null);
        }
        warmUp(warmUp, clients, describe, r, "describe");
        Latencies described = new Latencies();
        double rps = run(targets, clients, describe, described, SECONDS_PER_SIDE);
        r.put("describe_rps", rps).put("describe_p50_ms", described.percentile(50))
                .put("describe_p99_ms", described.percentile(99)).put("describe_errors", described.errors())
                .put("describe_sent", described.count() + described.errors());
        r.put("deref_vs_describe", ViewLatency.ratio(r.number("deref_rps"), r.number("describe_rps")));
    }

    /**
     * The same documents again, asked for as a client that takes compressed answers: the stored
     * bytes are sent as they are (the server still inflates each, which checks it). Not a side of
     * the comparison (DESCRIBE through Fuseki is never compressed), but what a crawler sees. It runs
     * straight after the plain side on the same entities, so it is the warmer of the two: its rate
     * says what compression costs or saves only roughly; its bytes say what it saves exactly.
     */
    private static void compressed(List<Target> targets, int clients, Function<Target, Http.Response> request, Results r)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        Tally answers = new Tally();
        double rps = run(targets, clients, answers.counting(request), latencies, SECONDS_PER_SIDE);
        r.put("deref_deflate_rps", rps).put("deref_deflate_p99_ms", latencies.percentile(99))
                .put("deref_deflate_sent", latencies.count() + latencies.errors()).put("deref_deflate_encoded", answers.deflated.sum())
                .put("deref_deflate_from_store", answers.stored.sum()).put("deref_deflate_mean_bytes", answers.meanBytes(latencies));
    }

    /** What the answers of one side were: from the document store, deflated, and their bytes as sent. */
    private static final class Tally {
        final LongAdder stored = new LongAdder(), deflated = new LongAdder(), bytes = new LongAdder();

        Function<Target, Http.Response> counting(Function<Target, Http.Response> request) {
            return t -> {
                Http.Response answer = request.apply(t);
                if ("STORED".equals(answer.cache()))
                    stored.increment();
                if ("deflate".equals(answer.encoding()))
                    deflated.increment();
                bytes.add(answer.bytes());
                return answer;
            };
        }

        double meanBytes(Latencies answered) {
            return bytes.sum() / Math.max(1.0, answered.count());
        }
    }

    /**
     * One request per entity, for at most {@link #WARM_UP_SECONDS}; records how many were sent and
     * for how long under {@code side}: with few other entities the warm-up ends before its time.
     */
    private static void warmUp(List<Target> entities, int clients, Function<Target, Http.Response> request, Results r, String side)
            throws InterruptedException {
        Latencies sent = new Latencies();
        long start = System.nanoTime();
        run(entities, clients, request, sent, WARM_UP_SECONDS);
        r.put(side + "_warm_up_sent", sent.count() + sent.errors()).put(side + "_warm_up_s", (System.nanoTime() - start) / 1e9);
    }

    /** @return completed requests per second, failed ones included */
    private static double run(List<Target> targets, int clients, Function<Target, Http.Response> request, Latencies into,
                              long seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime(), deadline = start + seconds * 1_000_000_000L;
        for (int i = 0; i < clients; i++)
            pool.execute(() -> {
                for (int k; System.nanoTime() < deadline && (k = next.getAndIncrement()) < targets.size(); ) {
                    Http.Response response = request.apply(targets.get(k));
                    if (response.ok())
                        into.add(response.nanos());
                    else
                        into.error();
                }
            });
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return (into.count() + into.errors()) / ((System.nanoTime() - start) / 1e9);
    }
}
