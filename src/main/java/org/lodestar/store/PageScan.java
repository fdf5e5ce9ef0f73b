package org.lodestar.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Identities;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.KnownNames;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.similarity.Progress;

/**
 * The first pass of a build: every page parsed, its diagnostics kept, its identities added (in
 * reading order, so that the first page to claim an id keeps it), and the page itself dropped.
 * Also notes which entities more than one page describes: those pages are checked together.
 */
final class PageScan {
    /** Pages parsed at once, in parallel, before their identities are added in order. */
    static final int CHUNK = 1_000;

    private final Identities identities = new Identities();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> pagesPerEntity = new HashMap<>();
    private final Map<String, String> entityOfPage = new HashMap<>();
    private boolean failed;

    private final SeedParser parser;

    private PageScan(SeedParser parser) {
        this.parser = parser;
    }

    static PageScan of(List<SeedFile> files, Ontology ontology, Progress progress) {
        SeedParser plain = new SeedParser(ontology.vocabulary());
        KnownNames.Builder names = new KnownNames.Builder();
        boolean[] dependsOnNames = {false};
        PageScan scan = scan(files, plain, progress, "parse", result -> {
            names.add(result);
            dependsOnNames[0] |= result.dependsOnNames();
        });
        // a member line the text alone cannot split is split by what every page names: parse again with those names
        if (dependsOnNames[0])
            scan = scan(files, new SeedParser(ontology.vocabulary(), names.build()), progress, "parse with known names", r -> {});
        return scan;
    }

    private static PageScan scan(List<SeedFile> files, SeedParser parser, Progress progress, String phase,
                                 Consumer<ParseResult> also) {
        PageScan scan = new PageScan(parser);
        try (Progress.Bar bar = progress.start(phase, files.size(), "pages")) {
            parse(files, parser, (file, result) -> {
                scan.add(file, result);
                also.accept(result);
                bar.step(1);
            });
        }
        scan.pagesPerEntity.values().removeIf(n -> n < 2);
        scan.entityOfPage.values().removeIf(e -> !scan.pagesPerEntity.containsKey(e));
        return scan;
    }

    /** The parser that gave this scan: a later pass over the same pages must split them the same way. */
    SeedParser parser() { return parser; }

    /** What a page's result is handed to, in reading order. */
    interface Parsed {
        void accept(SeedFile file, ParseResult result);
    }

    /** Parses {@code files} a chunk at a time on every core, handing each result over in reading order. */
    static void parse(List<SeedFile> files, SeedParser parser, Parsed to) {
        for (int from = 0; from < files.size(); from += CHUNK) {
            List<SeedFile> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
            ParseResult[] results = new ParseResult[chunk.size()];
            IntStream.range(0, chunk.size()).parallel().forEach(i ->
                    results[i] = parser.parse(chunk.get(i).display(), chunk.get(i).content()));
            for (int i = 0; i < results.length; i++)
                to.accept(chunk.get(i), results[i]);
        }
    }

    private void add(SeedFile file, ParseResult result) {
        diagnostics.addAll(result.diagnostics());
        EntityPage page = result.page();
        if (result.hasErrors() || page == null) {
            failed = true;
            return;
        }
        identities.add(page);
        String entity = entityKey(page);
        pagesPerEntity.merge(entity, 1, Integer::sum);
        entityOfPage.put(file.name(), entity);
    }

    /** An entity is its type and label: two pages that describe one have both. */
    static String entityKey(EntityPage page) {
        return page.typeKey() + "\u0000" + page.label();
    }

    /** True when a page did not parse: nothing is converted then. */
    boolean failed() { return failed; }

    Identities identities() { return identities; }

    /** The parser's diagnostics, page by page in reading order. */
    List<Diagnostic> diagnostics() { return diagnostics; }

    List<String> messages() {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    /** The entity of page {@code name} when other pages describe it too; null otherwise. */
    String sharedEntity(String name) { return entityOfPage.get(name); }

    /** How many pages describe {@code entity} (a key {@link #sharedEntity} gave). */
    int pagesOf(String entity) { return pagesPerEntity.get(entity); }


}
