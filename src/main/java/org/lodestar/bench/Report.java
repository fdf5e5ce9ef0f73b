package org.lodestar.bench;

import java.util.Locale;

/** The table printed at the end of a run: our figure, the baseline's, and the ratio. */
public final class Report {
    private static final String[] PHASES = {"generate", "read", "parse", "convert", "validate", "hash", "load", "derive",
            "embed", "similarity", "build", "render"};
    private final Results r;
    private final StringBuilder out = new StringBuilder();

    private Report(Results r) {
        this.r = r;
    }

    public static String table(Results r) {
        return new Report(r).render();
    }

    private String render() {
        out.append(String.format(Locale.ROOT, "Lodestar bench: %,d entities (%s in store), %s quads, seed %s%n",
                ((Number) r.get("entities")).longValue(), n(r.get("entities_in_store")), n(r.get("triples")), r.get("seed")));
        if (r.get("phases_s") instanceof Results phases) {
            out.append("\nphase (s)   ");
            for (String p : PHASES)
                out.append(String.format(Locale.ROOT, " %10s", p));
            out.append("\n            ");
            for (String p : PHASES)
                out.append(String.format(Locale.ROOT, " %10s", f(phases.get(p), 1)));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%n%-34s %22s %22s %9s%n", "measure", "lodestar", "baseline", "ratio"));
        row("view p50 ms (vs naive SPARQL)", "view_p50_ms", "naive_view_p50_ms", "view_speedup_p50", 1);
        row("view p99 ms (vs naive SPARQL)", "view_p99_ms", "naive_view_p99_ms", "view_speedup_p99", 1);
        row("  cold p50 / p99 ms", pair("view_cold_p50_ms", "view_cold_p99_ms"), pair("naive_view_cold_p50_ms", "naive_view_cold_p99_ms"), null);
        row("  warm p50 / p99 ms", pair("view_warm_p50_ms", "view_warm_p99_ms"), pair("naive_view_warm_p50_ms", "naive_view_warm_p99_ms"), null);
        row("deref req/s (vs DESCRIBE)", "deref_rps", "describe_rps", "deref_vs_describe", 1);
        row("deref p99 ms (vs DESCRIBE)", "deref_p99_ms", "describe_p99_ms", null, 1);
        row("  deflated req/s, bytes (plain)", pair("deref_deflate_rps", "deref_deflate_mean_bytes"), pair("deref_rps", "deref_mean_bytes"), null);
        row("load triples/s (vs stock loader)", "load_triples_per_s", "stock_loader_triples_per_s", "load_vs_stock", 0);
        row("build triples/s (vs stock loader)", "build_triples_per_s", "stock_loader_triples_per_s", "build_vs_stock", 0);
        row("edit build s, ordinary page (vs first build)", "edit_build_s", "first_build_s", "edit_vs_first_build", 2);
        row("edit build s, largest hub (vs first build)", "hub_edit_build_s", "first_build_s", "hub_edit_vs_first_build", 2);
        row("no-change build s (vs first build)", "noop_build_s", "first_build_s", "noop_vs_first_build", 2);
        row("embeddings/s (build)", "embed_per_s", null, null, 0);
        row("  on a sample, vs langchain4j", "embed_sample_per_s", "embed_baseline_per_s", "embed_speedup", 0);
        row("kNN recall@10 (HNSW vs exact)", "knn_recall_at_10", null, null, 3);
        row("peak RSS / heap MB", pair("peak_rss_mb", "peak_heap_mb"), "", null);
        if (r.get("machine") instanceof Results m)
            out.append(String.format(Locale.ROOT, "%nmachine: %s cores (%s), %s MB, load average %s at the start, %s at the end, %s, %s%n",
                    m.get("cores"), m.get("cpu"), m.get("memory_mb"), f(m.get("load_average"), 2), f(m.get("load_average_end"), 2),
                    m.get("jvm"), m.get("os")));
        if (r.get("skipped") != null)
            out.append("not measured (--measure): ").append(r.get("skipped"))
                    .append("; a partial run's figures do not compare with a full run's\n");
        out.append("n/a: the feature is not there yet, or was not run\n");
        return out.toString();
    }

    private void row(String label, String ours, String theirs, String ratio, int decimals) {
        row(label, f(r.get(ours), decimals), theirs == null ? "" : f(r.get(theirs), decimals), ratio);
    }

    private void row(String label, String ours, String theirs, String ratio) {
        String x = ratio == null ? "" : r.get(ratio) == null ? "n/a"
                : f(r.get(ratio), r.number(ratio) < 0.1 ? 3 : 1) + "×";
        out.append(String.format(Locale.ROOT, "%-34s %22s %22s %9s%n", label, ours, theirs, x));
    }

    private String pair(String a, String b) {
        return f(r.get(a), 1) + " / " + f(r.get(b), 1);
    }

    private static String f(Object v, int decimals) {
        if (!(v instanceof Number n))
            return v == null ? "n/a" : v.toString();
        double d = n.doubleValue();
        return d >= 1000 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%." + decimals + "f", d);
    }

    private static String n(Object v) {
        return v instanceof Number x ? String.format(Locale.ROOT, "%,d", x.longValue()) : "n/a";
    }
}
