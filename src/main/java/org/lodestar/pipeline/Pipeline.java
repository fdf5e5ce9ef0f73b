package org.lodestar.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Converter;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.KnownNames;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.validate.Finding;
import org.lodestar.validate.ShapesValidator;

/**
 * Seed pages → records → RDF → SHACL, stopping at the first stage that fails so that nothing
 * later sees half-made data. Shared by {@code convert}, {@code validate} and {@code build}.
 */
public final class Pipeline {
    private final Ontology ontology;
    private final ShapesValidator shapes;
    private final Converter converter;

    public Pipeline(Ontology ontology, ShapesValidator shapes, Uris uris) {
        this.ontology = ontology;
        this.shapes = shapes;
        this.converter = new Converter(ontology, uris);
    }

    public Ontology ontology() { return ontology; }

    public Uris uris() { return converter.uris(); }

    /** Parses and converts; checks shapes only when {@code check} is set and nothing failed before. */
    public PipelineResult run(List<SeedFile> files, boolean check) {
        return run(files, check, PhaseClock.NONE);
    }

    /** As {@link #run(List, boolean)}, telling {@code clock} how long parse, convert and validate took. */
    public PipelineResult run(List<SeedFile> files, boolean check, PhaseClock clock) {
        long parseStart = System.nanoTime();
        List<ParseResult> results = parse(files);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, EntityPage> pages = new LinkedHashMap<>();
        boolean parseErrors = false;
        for (int i = 0; i < files.size(); i++) {
            SeedFile file = files.get(i);
            ParseResult result = results.get(i);
            diagnostics.addAll(result.diagnostics());
            if (result.hasErrors() || result.page() == null)
                parseErrors = true;
            else
                pages.put(file.name(), result.page());
        }
        clock.took("parse", System.nanoTime() - parseStart);
        if (parseErrors)
            return new PipelineResult(null, diagnostics, List.of());
        Conversion conversion = clock.time("convert", () -> converter.convert(pages));
        diagnostics.addAll(conversion.diagnostics());
        if (conversion.hasErrors())
            return new PipelineResult(null, diagnostics, List.of());
        List<Finding> findings = check ? check(conversion, conversion.graphs().keySet(), clock) : List.of();
        return new PipelineResult(conversion, diagnostics, findings);
    }

    /**
     * Every page parsed; when a member line could not be split by its text alone, the pages whose
     * split depends on names are parsed again with the names every page gives (as a build does).
     */
    private List<ParseResult> parse(List<SeedFile> files) {
        SeedParser plain = new SeedParser(ontology.vocabulary());
        List<ParseResult> results = new ArrayList<>();
        KnownNames.Builder names = new KnownNames.Builder();
        for (SeedFile file : files)
            results.add(plain.parse(file.display(), file.content()));
        if (results.stream().noneMatch(ParseResult::dependsOnNames))
            return results;
        results.forEach(names::add);
        SeedParser named = new SeedParser(ontology.vocabulary(), names.build());
        for (int i = 0; i < files.size(); i++)
            if (results.get(i).dependsOnNames())
                results.set(i, named.parse(files.get(i).display(), files.get(i).content()));
        return results;
    }

    /**
     * Checks the named pages of a conversion against the shapes, together with the ontology. A
     * build checks only the pages whose graphs changed (see {@code SeedBuild}); no pages, no check.
     * Pages that describe the same entity (one without an explicit id, the other's type and label)
     * are checked together, and with the named ones: only the two together show two seed pages,
     * statuses or descriptions for one entity. Every other shape needs one page at a time.
     */
    public List<Finding> check(Conversion conversion, Collection<String> names, PhaseClock clock) {
        if (names.isEmpty())
            return List.of();
        Map<Node, List<String>> byEntity = new LinkedHashMap<>();
        conversion.described().forEach((name, entity) -> byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(name));
        List<List<Graph>> units = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : names) {
            if (placed.contains(name))
                continue;
            Node entity = conversion.described().get(name);
            List<String> together = entity == null ? List.of(name) : byEntity.get(entity);
            placed.addAll(together);
            units.add(together.stream().map(conversion.graphs()::get).toList());
        }
        return clock.time("validate", () -> shapes.validateTogether(units, ontology.graph(), conversion.locations()));
    }

    /** Changes whenever the shapes do, so that a build knows when stored pages must be checked again. */
    public String shapesFingerprint() { return shapes.fingerprint(); }
}
