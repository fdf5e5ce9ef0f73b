package org.lodestar.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.LangchainMiniLm;
import org.lodestar.similarity.MiniLm;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.similarity.VectorIndex;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;
import org.lodestar.view.ViewOptions;
import org.lodestar.web.DocStore;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * {@code bench --entities N}: generates a synthetic graph, builds it into TDB2 on disk (timing each
 * phase), serves it with the real server on a free port, and runs each {@link Measurement} against
 * its baseline in the same run. Everything lives in a fresh folder that is deleted at the end.
 */
public final class Bench {
    public static final String BASE = "http://localhost:8080/";
    /** Long enough for the straightforward view query of a hub, which is what it is there to show. */
    static final long QUERY_TIMEOUT_MS = 120_000;

    public Results run(BenchSettings s, PrintStream log) throws IOException, BuildFailedException, InterruptedException {
        Results r = new Results();
        r.put("entities", s.db() == null ? s.entities() : null).put("seed", s.seed());
        Results machine = Machine.describe();      // the load average now, before the run adds to it
        Path work = Files.createTempDirectory(Files.createDirectories(s.work()), "lodestar-bench-");
        try (Memory memory = new Memory()) {
            Ontology ontology = Ontology.load();
            Results phases = r.group("phases_s");
            Path seeds = work.resolve("seeds"), db = s.db() == null ? work.resolve("tdb2") : s.db();
            TimedEmbedder embedder = new TimedEmbedder(MiniLm.get());
            KnowledgeStore store;
            BenchContext.Rebuild rebuild = null;
            if (s.db() == null) {
                Generator.Summary g = new Generator(ontology).generate(s.entities(), s.seed(), seeds);
                log.println("generated " + g);
                phases.put("generate", g.millis() / 1000.0);
                r.put("pages", g.pages()).put("member_lines", g.memberLines()).put("similarity_lines", g.similarityLines())
                        .put("page_bytes", g.bytes());
                Built built = build(s, ontology, seeds, db, embedder, r, phases, log);
                store = built.store();
                rebuild = built.rebuild();
            } else {
                // a kept database, measured as it is: a run of over two hours at 200,000 entities need not be repeated
                store = KnowledgeStore.open(db);
                r.put("database", db.toAbsolutePath().toString()).put("triples", quads(store));
                log.println("measuring " + store + " as it is");
            }
            // as `build` does: the server then starts with every description rendered
            Optional<DocStore.Report> docs = DocStore.render(store, BASE, ViewOptions.defaults(similarity(s)), DocStore.besideDatabase(db), Progress.QUIET);
            log.println("documents: " + docs.map(Object::toString).orElse("not rendered (the data changed)"));
            phases.put("render", docs.map(d -> d.millis() / 1000.0).orElse(null));
            r.put("docs_mb", docs.map(d -> d.bytes() / (1024.0 * 1024)).orElse(null));
            List<Target> entities = EntitySample.all(store.dataset(), new Uris(BASE).derivedGraph());
            if (s.db() != null)
                r.put("entities", entities.size());
            r.put("entities_in_store", entities.size());
            r.put("max_degree", entities.isEmpty() ? 0 : entities.get(0).degree());

            ServerSettings serving = new ServerSettings(0, db, seeds, BASE, null, QUERY_TIMEOUT_MS, similarity(s));
            r.put("response_cache_mb", serving.cacheMegabytes());
            FusekiServer server = LodestarServer.start(serving, store);
            try {
                BenchContext c = new BenchContext(s, store, new Uris(BASE), new Http("http://localhost:" + server.getHttpPort()),
                        entities, work, work.resolve("dump.nq"), log, rebuild);
                List<String> skipped = new ArrayList<>();
                for (Measurement m : measurements(embedder)) {
                    if (!s.measure().contains(m.name())) {
                        skipped.add(m.name());
                        continue;
                    }
                    long start = System.nanoTime();
                    int before = r.size();
                    m.run(c, r);
                    log.printf("%s done in %.1f s: %s%n", m.name(), (System.nanoTime() - start) / 1e9, r.since(before));
                }
                r.put("skipped", skipped.isEmpty() ? null : String.join(",", skipped));
            } finally {
                server.stop();
                TDBInternal.expel(store.dataset());
            }
            memory.record(r);
        } finally {
            if (!s.keep())
                delete(work);
            else
                log.println("kept " + work);
        }
        r.put("machine", machine.put("load_average_end", Machine.loadAverage()));
        return r;
    }

    private static long quads(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            long[] n = {0};
            store.dataset().find().forEachRemaining(q -> n[0]++);
            return n[0];
        });
    }

    /** Every measurement, named as {@link BenchSettings#MEASUREMENTS} lists them. */
    static List<Measurement> measurements(TimedEmbedder embedder) {
        // editing last: it changes the data the others measure
        return List.of(new LoaderComparison(), new ViewLatency(), new DerefThroughput(),
                new SimilarityFigures(embedder, LangchainMiniLm.get()), new EditBuilds());
    }

    /** Computed similarity links as the server's default makes them, or none with --no-embed. */
    private static SimilaritySettings similarity(BenchSettings s) {
        return s.embed() ? SimilaritySettings.DEFAULT : SimilaritySettings.IMPORTED_ONLY;
    }

    /** The built store, and how to build its pages again as it was built (the same settings and embedding cache). */
    private record Built(KnowledgeStore store, BenchContext.Rebuild rebuild) {}

    private static Built build(BenchSettings s, Ontology ontology, Path seeds, Path db, TimedEmbedder embedder,
                                        Results r, Results phases, PrintStream log) throws IOException, BuildFailedException {
        long start = System.nanoTime();
        List<SeedFile> files = SeedFiles.folder(seeds);
        phases.put("read", (System.nanoTime() - start) / 1e9);
        Map<String, Long> took = new LinkedHashMap<>();
        PhaseClock clock = (phase, nanos) -> took.merge(phase, nanos, Long::sum);
        SimilarityDerivation similarity = new SimilarityDerivation(similarity(s), EmbeddingCache.inMemory(), embedder,
                Progress.QUIET, VectorIndex.EXACT_BELOW);
        KnowledgeStore store = KnowledgeStore.open(db);
        Pipeline pipeline = new Pipeline(ontology, ShapesValidator.load(), new Uris(BASE));
        log.printf("building %,d pages into %s%n", files.size(), store);
        new SeedBuild(pipeline, false, similarity).timed(clock).run(store, files);
        double total = (System.nanoTime() - start) / 1e9;
        // the similarity phase embeds (timed by the embedder) and then searches and writes links
        long similarityNanos = took.getOrDefault("similarity",
                similarity.lastReport().map(x -> x.millis() * 1_000_000).orElse(0L));
        long embedNanos = embedder.nanos();
        long load = took.getOrDefault("load", 0L), derive = took.getOrDefault("derive", 0L);
        for (String p : List.of("parse", "convert", "validate", "hash"))
            phases.put(p, took.getOrDefault(p, 0L) / 1e9);
        phases.put("load", load / 1e9);
        phases.put("derive", derive / 1e9);
        phases.put("embed", s.embed() ? embedNanos / 1e9 : null);
        phases.put("similarity", s.embed() ? (similarityNanos - embedNanos) / 1e9 : null);
        phases.put("build", total);
        long quads = quads(store);
        r.put("triples", quads);
        r.put("load_triples_per_s", quads / (load / 1e9));
        r.put("build_triples_per_s", quads / total);
        r.put("first_build_s", total);
        log.printf("built %,d quads in %.1f s: %s%n", quads, total, phases.since(0));
        return new Built(store, () -> new SeedBuild(pipeline, false, similarity).run(store, SeedFiles.folder(seeds)));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths)
            Files.deleteIfExists(p);
    }
}
