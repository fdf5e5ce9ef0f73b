package org.lodestar.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Converter;
import org.lodestar.rdf.Identities;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.Severity;
import org.lodestar.similarity.Progress;
import org.lodestar.validate.Finding;

/**
 * The second pass of a build: the pages parsed again a chunk at a time, converted against the
 * identities of all of them, fingerprinted, and those whose graph changed checked and handed to
 * the writer. Only a chunk's pages and graphs are held, and the pages that describe an entity
 * another page describes too, until the last of them is converted: those are checked together,
 * since only together do they show two statuses or descriptions for one entity. After the first
 * failure nothing more is written (the transaction will abort), but every page is still checked,
 * so that one build reports every problem.
 */
final class ChunkWriter {
    /** Pages converted and checked at once: enough to spread each check's fixed cost. */
    static final int CHUNK = 1_000;

    /** Where changed graphs go: the build's write transaction. */
    interface Writer {
        void write(String page, Node name, Graph graph, String hash, String identity);

        /** An unchanged graph whose page's bytes or identity digest changed (or were never recorded). */
        void digests(String page, Node name, String identity);
    }

    /** A converted page; {@code check} when it must be checked whatever its fingerprint (its group changed). */
    private record Held(String name, Graph graph, String hash, String identity, Node entity, Map<Node, String> locations,
                        boolean check) {
        Held(String name, Graph graph, String hash, String identity, Node entity, Map<Node, String> locations) {
            this(name, graph, hash, identity, entity, locations, false);
        }

        Held checkedToo() {
            return new Held(name, graph, hash, identity, entity, locations, true);
        }
    }

    private final Pipeline pipeline;
    private final PageScan scan;
    private final Map<Node, String> stored;
    private final boolean checkAll, strict;
    private final int chunkSize;
    private final Writer writer;
    private final PhaseClock clock;
    private final Progress progress;
    private final Converter converter;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<Held>> held = new HashMap<>();
    private int added, replaced, unchanged;
    private boolean failed;

    ChunkWriter(Pipeline pipeline, PageScan scan, Map<Node, String> stored, boolean strict, boolean checkAll, int chunkSize,
                Writer writer, PhaseClock clock, Progress progress) {
        this.chunkSize = chunkSize;
        this.strict = strict;
        this.pipeline = pipeline;
        this.scan = scan;
        this.stored = stored;
        this.checkAll = checkAll;
        this.writer = writer;
        this.clock = clock;
        this.progress = progress;
        this.converter = new Converter(pipeline.ontology(), pipeline.uris());
        this.failed = scan.diagnostics().stream().anyMatch(d -> fails(d.severity()));
    }

    /** Converts, checks and writes every page; adds each page's graph name to {@code wanted}. */
    void run(List<SeedFile> files, Uris uris, Set<Node> wanted) {
        // the names the first pass found, so that every page splits as it did there
        SeedParser parser = scan.parser();
        try (Progress.Bar bar = progress.start("convert and check", files.size(), "pages")) {
            for (int from = 0; from < files.size(); from += chunkSize) {
                List<SeedFile> chunk = files.subList(from, Math.min(files.size(), from + chunkSize));
                Map<String, EntityPage> pages = new LinkedHashMap<>();
                // the first pass saw every page parse without errors; its diagnostics are reported once
                PageScan.parse(chunk, parser, (file, result) -> pages.put(file.name(), result.page()));
                chunk(pages, uris, wanted);
                bar.step(chunk.size());
            }
        }
    }

    private void chunk(Map<String, EntityPage> pages, Uris uris, Set<Node> wanted) {
        Conversion converted = clock.time("convert", () -> converter.convert(pages, scan.identities()));
        diagnostics.addAll(converted.diagnostics());
        converted.diagnostics().forEach(d -> failed |= fails(d.severity()));
        Map<String, String> hashes = clock.time("hash", () -> {
            Map<String, String> h = new ConcurrentHashMap<>();
            converted.graphs().entrySet().parallelStream().forEach(e -> h.put(e.getKey(), GraphHash.of(e.getValue())));
            return h;
        });
        // what this chunk checks and writes: its own pages, and groups of pages completed by it
        List<Held> ready = new ArrayList<>();
        // a node is placed on the first page that names it: a completed group's pages come first, in reading order
        Map<Node, String> locations = new HashMap<>();
        for (String name : pages.keySet()) {
            wanted.add(uris.seedGraph(name));
            Graph graph = converted.graphs().get(name);
            Held page = new Held(name, graph, hashes.get(name), Identities.contribution(pages.get(name)),
                    converted.described().get(name), Map.of());
            String entity = scan.sharedEntity(name);
            if (entity == null) {
                ready.add(page);
                continue;
            }
            List<Held> group = held.computeIfAbsent(entity, e -> new ArrayList<>());
            group.add(new Held(name, graph, page.hash(), page.identity(), page.entity(), locationsOf(graph, converted.locations())));
            if (group.size() == scan.pagesOf(entity)) {
                held.remove(entity);
                boolean anyChanged = group.stream().anyMatch(h -> changed(uris, h));
                for (Held h : group) {
                    h.locations().forEach(locations::putIfAbsent);
                    ready.add(anyChanged ? h.checkedToo() : h);
                }
            }
        }
        converted.locations().forEach(locations::putIfAbsent);
        Map<String, Graph> checked = new LinkedHashMap<>();
        Map<String, Node> described = new HashMap<>();
        for (Held h : ready)
            if (checkAll || h.check() || changed(uris, h)) {
                checked.put(h.name(), h.graph());
                if (h.entity() != null)
                    described.put(h.name(), h.entity());
            }
        if (!checked.isEmpty()) {
            List<Finding> found = pipeline.check(new Conversion(checked, described, locations, List.of()), checked.keySet(), clock);
            findings.addAll(found);
            found.forEach(f -> failed |= fails(f.severity()));
        }
        failed |= scan.identities().diagnostics().stream().anyMatch(d -> fails(d.severity()));
        if (failed)
            return; // the transaction aborts: writing more would only cost time
        clock.time("load", () -> {
            for (Held h : ready) {
                Node graphName = uris.seedGraph(h.name());
                if (!changed(uris, h)) {
                    unchanged++;
                    writer.digests(h.name(), graphName, h.identity());
                    continue;
                }
                if (stored.containsKey(graphName))
                    replaced++;
                else
                    added++;
                writer.write(h.name(), graphName, h.graph(), h.hash(), h.identity());
            }
            return null;
        });
    }

    private boolean changed(Uris uris, Held page) {
        return !page.hash().equals(stored.get(uris.seedGraph(page.name())));
    }

    private boolean fails(Severity severity) {
        return strict || severity == Severity.ERROR;
    }

    /** The places of the resources a page's graph names, for checking it in a later chunk. */
    private static Map<Node, String> locationsOf(Graph graph, Map<Node, String> locations) {
        Map<Node, String> mine = new HashMap<>();
        graph.find().forEachRemaining(t -> {
            for (Node n : List.of(t.getSubject(), t.getObject())) {
                String at = locations.get(n);
                if (at != null)
                    mine.putIfAbsent(n, at);
            }
        });
        return mine;
    }

    /** True when a page failed (with a strict build, had a warning): nothing may be committed. */
    boolean failed() {
        return failed || scan.identities().diagnostics().stream().anyMatch(d -> fails(d.severity()));
    }

    /** Every message, as one check of all the pages gives them: parser, identities, converter, then the shapes in their order. */
    List<String> messages() {
        List<String> lines = new ArrayList<>();
        scan.diagnostics().forEach(d -> lines.add(d.toString()));
        scan.identities().diagnostics().forEach(d -> lines.add(d.toString()));
        diagnostics.forEach(d -> lines.add(d.toString()));
        findings.stream().sorted(Finding.ORDER).forEach(f -> lines.add(f.toString()));
        return lines;
    }

    int added() { return added; }

    int replaced() { return replaced; }

    int unchanged() { return unchanged; }
}
