package org.lodestar.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Converter;
import org.lodestar.rdf.Identities;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.Severity;
import org.lodestar.validate.Finding;

/**
 * A build of a few edited pages, converted and checked alone: what a curator's edit costs in
 * proportion to the edit, not to the graph. It applies only when nothing but those pages changed
 * since the last build (the same code, settings and link files, no SPARQL update, the same set of
 * pages: {@link BuildInputs}), and each edited page still declares and mentions the same ids,
 * types and labels ({@link Identities#contribution}, recorded on its graph): then no other page
 * would convert differently, and what the edited pages need to know of the others (the explicit
 * ids and the types of the labels they mention) is in the store. Anything else, and any page that
 * fails, goes to the full build, which reports it.
 */
final class PageEdits {
    /** More edited pages than this share of all (or than ten) take the full build. */
    static final int MAX_SHARE = 100;

    private final Pipeline pipeline;
    private final PhaseClock clock;
    private List<String> warnings = List.of();
    private String whyFull;

    PageEdits(Pipeline pipeline, PhaseClock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** The edited pages, parsed, with their graph names; empty when the full build must run. */
    private record Edit(SeedFile file, EntityPage page, Node graph, List<Diagnostic> diagnostics) {}

    /**
     * Builds the edited pages if this build is such an edit; empty when it is not (nothing was written).
     *
     * @throws BuildFailedException when an edited page breaks a shape (nothing was written)
     */
    Optional<BuildReport> run(DatasetGraph dataset, List<SeedFile> files, BuildInputs inputs, Derivation derivation)
            throws BuildFailedException {
        Uris uris = pipeline.uris();
        Node derivedGraph = uris.derivedGraph();
        Map<Node, String> digests = new HashMap<>();
        Map<Node, String> hashes = new HashMap<>();
        boolean sameRest = Txn.calculateRead(dataset, () -> {
            if (!inputs.sameEnvironment(dataset, derivedGraph) || !derivation.isCurrent())
                return false;
            digests.putAll(SeedBuild.storedDigests(dataset));
            hashes.putAll(SeedBuild.storedHashes(dataset));
            return true;
        });
        if (!sameRest)
            return full("the code, settings or link files changed, or a SPARQL update came, since the last build");
        String prefix = uris.seedGraphPrefix();
        long storedPages = hashes.keySet().stream().filter(g -> g.getURI().startsWith(prefix)).count();
        if (storedPages != files.size())
            return full("pages were added or removed");
        List<SeedFile> edited = new ArrayList<>();
        for (SeedFile f : files) {
            String recorded = digests.get(uris.seedGraph(f.name()));
            if (recorded == null)
                return full(f.name() + " is new");
            if (!recorded.startsWith(inputs.page(f.name()) + " "))
                edited.add(f);
        }
        if (edited.isEmpty())
            return full("no page changed, but the derived data is not current");
        if (edited.size() > Math.max(10, files.size() / MAX_SHARE))
            return full(edited.size() + " pages changed");
        List<Edit> edits = parse(edited, uris, digests, dataset, files);
        if (edits == null)
            return Optional.empty();
        Identities identities = Txn.calculateRead(dataset, () -> identities(dataset, edits, uris));
        if (identities == null)
            return Optional.empty();
        Map<String, EntityPage> pages = new LinkedHashMap<>();
        edits.forEach(e -> pages.put(e.file().name(), e.page()));
        Conversion converted = clock.time("convert", () -> new Converter(pipeline.ontology(), uris).convert(pages, identities));
        if (converted.hasErrors() || !identities.diagnostics().isEmpty())
            return full("an edited page does not convert on its own");
        List<Finding> findings = pipeline.check(converted, pages.keySet(), clock);
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            List<String> messages = new ArrayList<>();
            edits.forEach(e -> e.diagnostics().forEach(d -> messages.add(d.toString())));
            converted.diagnostics().forEach(d -> messages.add(d.toString()));
            findings.forEach(f -> messages.add(f.toString()));
            throw new BuildFailedException("build failed; the database was not changed", messages);
        }
        List<String> messages = new ArrayList<>();
        edits.forEach(e -> e.diagnostics().forEach(d -> messages.add(d.toString())));
        converted.diagnostics().forEach(d -> messages.add(d.toString()));
        findings.forEach(f -> messages.add(f.toString()));
        warnings = messages;
        try {
            return Optional.of(Txn.calculateWrite(dataset, () -> CommitHold.then(write(dataset, edits, converted, inputs, derivation, hashes, storedPages))));
        } catch (Moved e) {
            // written to since it was read: the full build decides again, in one transaction
            return full("the database was written to while the edit was checked");
        }
    }

    /** The warnings of the pages the last {@link #run} built (it builds only pages without errors). */
    List<String> warnings() { return warnings; }

    /** Why the last {@link #run} left the build to the full build, for the curator who wonders why an edit took long. */
    Optional<String> whyFull() { return Optional.ofNullable(whyFull); }

    private Optional<BuildReport> full(String why) {
        whyFull = why;
        return Optional.empty();
    }

    /** The store changed between the read that planned the edit and its write transaction, which aborts. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    /**
     * The edited pages parsed; null when one fails to parse or contributes other identities than
     * before. A page with a line only other pages' names can split is parsed again with the names
     * a full build would know ({@link StoreNames}), as the full build's second pass parses it.
     */
    private List<Edit> parse(List<SeedFile> edited, Uris uris, Map<Node, String> digests, DatasetGraph dataset,
                             List<SeedFile> files) {
        SeedParser parser = new SeedParser(pipeline.ontology().vocabulary());
        List<ParseResult> results = new ArrayList<>();
        for (SeedFile f : edited) {
            ParseResult r = clock.time("parse", () -> parser.parse(f.display(), f.content()));
            if (r.hasErrors() || r.page() == null) {
                whyFull = f.name() + " does not parse";
                return null;
            }
            results.add(r);
        }
        if (results.stream().anyMatch(ParseResult::dependsOnNames)) {
            Set<Node> graphs = new HashSet<>();
            edited.forEach(f -> graphs.add(uris.seedGraph(f.name())));
            List<ParseResult> first = List.copyOf(results);
            Txn.executeRead(dataset, () -> {
                SeedParser named = new SeedParser(pipeline.ontology().vocabulary(), StoreNames.of(dataset, uris, parser, files, graphs, first));
                for (int i = 0; i < results.size(); i++)
                    if (results.get(i).dependsOnNames()) {
                        SeedFile f = edited.get(i);
                        results.set(i, clock.time("parse", () -> named.parse(f.display(), f.content())));
                    }
            });
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            SeedFile f = edited.get(i);
            ParseResult r = results.get(i);
            if (r.hasErrors() || r.page() == null) {
                whyFull = f.name() + " does not parse with the names the other pages give";
                return null;
            }
            Node graph = uris.seedGraph(f.name());
            if (!digests.get(graph).endsWith(" " + Identities.contribution(r.page()))) {
                whyFull = f.name() + " now declares or mentions other ids, types or labels";
                return null;
            }
            edits.add(new Edit(f, r.page(), graph, r.diagnostics()));
        }
        return edits;
    }

    /**
     * The identities the edited pages need, from the store: each page's own declaration, and for
     * every label they mention the types it has and the slug of its entity of each type. Null when
     * an edited page's entity is described by another page too: those are checked together, by the
     * full build.
     */
    private Identities identities(DatasetGraph dataset, List<Edit> edits, Uris uris) {
        Identities ids = new Identities();
        edits.forEach(e -> ids.add(e.page()));
        Graph union = dataset.getUnionGraph();
        Set<String> done = new HashSet<>();
        String entityKey = pipeline.ontology().entityClass().typeKey();
        for (Edit e : edits) {
            for (Node self : union.find(Node.ANY, KG.seedPage, e.graph()).mapWith(t -> t.getSubject())
                    .filterKeep(s -> union.contains(s, KG.identifier, Node.ANY)).toList())
                if (union.find(self, KG.seedPage, Node.ANY).toList().size() > 1) {
                    whyFull = self.getURI() + " is described by another page too";
                    return null;
                }
            for (String[] mention : Identities.mentions(e.page())) {
                String label = mention[1];
                if (!done.add(label))
                    continue;
                for (Node entity : union.find(Node.ANY, RDFS.label.asNode(), NodeFactory.createLiteralString(label))
                        .mapWith(t -> t.getSubject()).toList())
                    for (Node cls : union.find(entity, RDF.type.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList()) {
                        Optional<EntityClass> c = pipeline.ontology().classForIri(cls);
                        if (c.isEmpty() || c.get().typeKey().equals(entityKey) || !entity.isURI())
                            continue;
                        ids.typed(label, c.get().typeKey());
                        String iri = entity.getURI(), expected = uris.base() + "id/" + c.get().typeKey() + "/";
                        if (iri.startsWith(expected))
                            ids.known(c.get().typeKey(), label, iri.substring(expected.length()));
                    }
            }
        }
        return ids;
    }

    private BuildReport write(DatasetGraph dataset, List<Edit> edits, Conversion converted, BuildInputs inputs,
                              Derivation derivation, Map<Node, String> hashes, long storedPages) {
        if (!inputs.sameEnvironment(dataset, pipeline.uris().derivedGraph()) || !SeedBuild.storedHashes(dataset).equals(hashes))
            throw new Moved();
        Changes changes = new Changes(false);
        QuadLoad load = QuadLoad.start(dataset);
        int replaced = 0;
        long start = System.nanoTime();
        for (Edit e : edits) {
            Graph graph = converted.graphs().get(e.file().name());
            String hash = GraphHash.of(graph), identity = Identities.contribution(e.page());
            if (hash.equals(hashes.get(e.graph()))) {
                SeedBuild.recordDigests(dataset, load, e.graph(), inputs.page(e.file().name()), identity, true);
                continue;
            }
            SeedBuild.replacePage(dataset, load, changes, e.graph(), graph, hash, inputs.page(e.file().name()), identity);
            replaced++;
        }
        load.finish();
        clock.took("load", System.nanoTime() - start);
        if (replaced > 0)
            derivation.run(changes, inputs.toString());
        inputs.record(dataset, pipeline.uris().derivedGraph());
        // the ontology graph and the links graph, like every page not edited, stayed as they were
        long others = hashes.size() - 1 - storedPages;
        return new BuildReport(0, replaced, 0, (int) (storedPages - replaced + others), changes.describedChanges());
    }
}
