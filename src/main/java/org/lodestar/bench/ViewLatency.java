package org.lodestar.bench;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.lodestar.util.ClasspathFolder;

/**
 * Views: each of the sampled entities (Zipf-weighted, hubs included) is fetched twice over HTTP,
 * cold then warm, from {@code /view/{type}/{slug}.json}, and twice with the straightforward query
 * ({@code queries/bench-naive-view.rq}, degrees counted at query time) through {@code /kg/sparql}.
 * Which of the two goes first alternates from entity to entity, so neither always meets the
 * caches the other warmed. Before that, both are fetched for other entities (not in the sample),
 * unmeasured, so that neither side is timed while the JIT compiles its code: the figures are those
 * of a server that has been up for a while. The server keeps rendered views (its response cache),
 * so a warm fetch of a view is a cache hit; the cold fetch is the view made from the store.
 */
final class ViewLatency implements Measurement {
    static final String NAIVE = "queries/bench-naive-view.rq";
    static final String THRESHOLD = "0.65";
    /** Entities fetched once on each side before measuring. */
    static final int WARM_UP = 300;
    private static final String JSON = "application/json", RESULTS = "application/sparql-results+json";

    private final String naive = ClasspathFolder.read(NAIVE);

    @Override
    public String name() { return "views"; }

    @Override
    public void run(BenchContext c, Results r) {
        List<Target> sample = EntitySample.zipf(c.entities(), c.settings().views(), c.settings().seed());
        List<Target> warmUp = EntitySample.others(c.entities(), sample, WARM_UP, c.settings().seed() + 2);
        // probed on an entity outside the sample, whose cold fetch would otherwise be a cache hit
        Target probe = warmUp.isEmpty() ? (sample.isEmpty() ? null : sample.get(0)) : warmUp.get(0);
        boolean hasViews = probe != null && c.http().get(probe.path("view", ".json"), JSON).status() != 404;
        Latencies viewCold = new Latencies(), viewWarm = new Latencies(), naiveCold = new Latencies(), naiveWarm = new Latencies();
        c.log().printf("views: %,d entities (top degree %,d), cold and warm; real view %s%n", sample.size(),
                sample.stream().mapToInt(Target::degree).max().orElse(0), hasViews ? "present" : "missing (n/a)");
        for (Target t : warmUp) {
            if (hasViews)
                c.http().get(t.path("view", ".json"), JSON);
            c.http().sparql(naiveQuery(t), RESULTS);
        }
        c.log().printf("  warmed up on %,d other entities%n", warmUp.size());
        int done = 0;
        for (Target t : sample) {
            String query = naiveQuery(t);
            boolean viewFirst = done % 2 == 0;
            if (!viewFirst)
                twice(c.http(), t, query, naiveCold, naiveWarm, false);
            if (hasViews)
                twice(c.http(), t, null, viewCold, viewWarm, true);
            if (viewFirst)
                twice(c.http(), t, query, naiveCold, naiveWarm, false);
            if (++done % 100 == 0)
                c.log().printf("  %,d/%,d%n", done, sample.size());
        }
        r.put("view_entities", sample.size());
        Latencies view = viewCold.plus(viewWarm), plain = naiveCold.plus(naiveWarm);
        put(r, "view", hasViews ? view : null);
        put(r, "view_cold", hasViews ? viewCold : null);
        put(r, "view_warm", hasViews ? viewWarm : null);
        r.put("view_errors", hasViews ? view.errors() : null);
        put(r, "naive_view", plain);
        put(r, "naive_view_cold", naiveCold);
        put(r, "naive_view_warm", naiveWarm);
        r.put("naive_view_errors", plain.errors());
        r.put("view_speedup_p50", ratio(r.number("naive_view_p50_ms"), r.number("view_p50_ms")));
        r.put("view_speedup_p99", ratio(r.number("naive_view_p99_ms"), r.number("view_p99_ms")));
        // the first fetch of each entity: made from the store, never from the server's cache
        r.put("view_cold_speedup_p50", ratio(r.number("naive_view_cold_p50_ms"), r.number("view_cold_p50_ms")));
        r.put("view_cold_speedup_p99", ratio(r.number("naive_view_cold_p99_ms"), r.number("view_cold_p99_ms")));
    }

    private static void twice(Http http, Target t, String query, Latencies cold, Latencies warm, boolean view) {
        for (Latencies l : new Latencies[] {cold, warm}) {
            Http.Response response = view ? http.get(t.path("view", ".json"), JSON) : http.sparql(query, RESULTS);
            if (response.ok())
                l.add(response.nanos());
            else
                l.error();
        }
    }

    String naiveQuery(Target t) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(naive);
        q.setIri("focus", t.iri().getURI());
        q.setLiteral("threshold", THRESHOLD, XSDDatatype.XSDdecimal);
        return q.toString();
    }

    static void put(Results r, String key, Latencies l) {
        r.put(key + "_p50_ms", l == null ? null : l.percentile(50));
        r.put(key + "_p99_ms", l == null ? null : l.percentile(99));
    }

    static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }
}
