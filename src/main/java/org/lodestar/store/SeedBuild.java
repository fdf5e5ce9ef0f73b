package org.lodestar.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.PhaseClock;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilarityDerivation;

/**
 * Builds seed pages into a store, incrementally and atomically, in memory bounded by a chunk of
 * pages rather than by the graph. Every page is parsed once for its identities ({@link PageScan});
 * then, inside one write transaction, the pages are parsed again, converted, fingerprinted and
 * checked a chunk at a time ({@link ChunkWriter}), and each page whose graph changed is written at
 * once; the graphs of removed pages are dropped, and the derived data of what changed is made
 * again ({@link Derivation}). Anything that fails before the commit aborts the transaction, which
 * leaves the store exactly as it was: TDB2 keeps a transaction's writes out of every reader's
 * sight and out of the database until it commits, however much it wrote.
 *
 * <p>A build whose pages, code, shapes and settings are all as the last build left them (the
 * digest of every page's bytes says so, {@link BuildInputs}) hashes the pages whose files changed and
 * stops there.
 */
public final class SeedBuild {
    private static final String FAILED = "build failed; the database was not changed";

    private final Pipeline pipeline;
    private final boolean strict;
    private PhaseClock clock = PhaseClock.NONE;
    private Progress progress = Progress.QUIET;
    private final SimilarityDerivation similarity;
    private int chunk = ChunkWriter.CHUNK;
    private List<String> warnings = List.of();
    private String whyEveryPage;

    /** Computes no similarity links: the seed pages' own (imported) ones only. */
    public SeedBuild(Pipeline pipeline, boolean strict) {
        this(pipeline, strict, SimilarityDerivation.none());
    }

    public SeedBuild(Pipeline pipeline, boolean strict, SimilarityDerivation similarity) {
        this.pipeline = pipeline;
        this.strict = strict;
        this.similarity = similarity;
    }

    /** Reports the time of each phase to {@code clock} (the benchmark's hook); returns this build. */
    public SeedBuild timed(PhaseClock clock) {
        this.clock = clock;
        return this;
    }

    /** Shows each long phase's count, rate and time left on {@code progress}; returns this build. */
    public SeedBuild showing(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Converts and checks {@code pages} pages at a time (tests make chunks small to cross their edges). */
    SeedBuild chunksOf(int pages) {
        this.chunk = pages;
        return this;
    }

    /**
     * The warnings ({@code FILE:LINE: warning: …}, and shapes' warnings) of the pages the last
     * {@link #run} parsed: every page for a full build, the edited ones for an edit, none when
     * nothing had changed (they were given by the build that read them).
     */
    public List<String> warnings() { return warnings; }

    /** Why the last {@link #run} could not build the edited pages alone; empty when it did, or had nothing to do. */
    public Optional<String> whyEveryPage() { return Optional.ofNullable(whyEveryPage); }

    public BuildReport run(KnowledgeStore store, List<SeedFile> files) throws BuildFailedException {
        whyEveryPage = null;
        // where a writer that feeds replicas sees every change go by (KnowledgeStore#writes)
        DatasetGraph dataset = store.writes();
        Uris uris = pipeline.uris();
        PageDigests digests = store.folder().map(PageDigests::beside).orElseGet(PageDigests::none);
        BuildInputs inputs = clock.time("hash", () -> BuildInputs.of(files, digests, pipeline, strict, similarity.settings(), progress));
        Derivation derivation = new Derivation(dataset, pipeline.ontology(), uris, similarity, clock, progress);
        Integer same = Txn.calculateRead(dataset, () -> inputs.sameAs(dataset, uris.derivedGraph()) && derivation.isCurrent()
                ? storedHashes(dataset).size() - 1 : null);
        if (same != null)
            return new BuildReport(0, 0, 0, same, Described.NONE);
        warnings = List.of();
        if (!strict) {
            PageEdits edits = new PageEdits(pipeline, clock);
            Optional<BuildReport> edit = edits.run(dataset, files, inputs, derivation);
            if (edit.isPresent()) {
                warnings = edits.warnings();
                return edit.get();
            }
            whyEveryPage = edits.whyFull().orElse(null);
            edits.whyFull().ifPresent(why -> progress.note("building every page: " + why));
        }
        PageScan scan = clock.time("parse", () -> PageScan.of(files, pipeline.ontology(), progress));
        if (scan.failed())
            throw new BuildFailedException(FAILED, scan.messages());
        try {
            return Txn.calculateWrite(dataset, () -> CommitHold.then(write(dataset, uris, files, scan, inputs, derivation)));
        } catch (Failed e) {
            throw e.reason;
        }
    }

    /** Carries a failed build out of the write transaction, which aborts on its way. */
    private static final class Failed extends RuntimeException {
        final BuildFailedException reason;

        Failed(BuildFailedException reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }

    private BuildReport write(DatasetGraph dataset, Uris uris, List<SeedFile> files, PageScan scan, BuildInputs inputs,
                              Derivation derivation) {
        Map<Node, String> stored = storedHashes(dataset);
        Node ontologyGraph = uris.ontologyGraph(), derivedGraph = uris.derivedGraph();
        String ontologyHash = Uris.hash(GraphHash.of(pipeline.ontology().graph()) + " " + pipeline.shapesFingerprint(), 64);
        boolean checkAll = strict || !ontologyHash.equals(stored.get(ontologyGraph));
        QuadLoad load = QuadLoad.start(dataset);
        Changes touched = new Changes(load.bulk());
        Map<Node, String> digests = storedDigests(dataset);
        ChunkWriter chunks = new ChunkWriter(pipeline, scan, stored, strict, checkAll, chunk, new ChunkWriter.Writer() {
            @Override
            public void write(String page, Node name, Graph graph, String hash, String identity) {
                replacePage(dataset, load, touched, name, graph, hash, inputs.page(page), identity);
            }

            @Override
            public void digests(String page, Node name, String identity) {
                if (!(inputs.page(page) + " " + identity).equals(digests.get(name)))
                    recordDigests(dataset, load, name, inputs.page(page), identity, true);
            }
        }, clock, progress);
        Set<Node> wanted = new HashSet<>();
        try {
            chunks.run(files, uris, wanted);
            if (!ontologyHash.equals(stored.get(ontologyGraph)) && !chunks.failed()) {
                replace(dataset, load, ontologyGraph, pipeline.ontology().graph(), ontologyHash);
                touched.everything();
            }
            clock.time("load", () -> {
                load.finish();
                return null;
            });
        } catch (RuntimeException | Error e) {
            load.abandon();
            throw e;
        }
        wanted.add(ontologyGraph);
        List<String> messages = chunks.messages();
        if (chunks.failed())
            throw new Failed(new BuildFailedException(FAILED, messages));
        warnings = messages;
        int added = chunks.added() + (stored.containsKey(ontologyGraph) ? 0 : 1);
        int replaced = chunks.replaced() + (stored.containsKey(ontologyGraph) && !ontologyHash.equals(stored.get(ontologyGraph)) ? 1 : 0);
        int unchanged = chunks.unchanged() + (ontologyHash.equals(stored.get(ontologyGraph)) ? 1 : 0);
        int dropped = 0;
        for (Node g : stored.keySet())
            if (!wanted.contains(g) && !g.equals(derivedGraph) && !g.equals(LinkFiles.graphName(uris))) {
                touched.before(dataset, g);
                dataset.removeGraph(g);
                touched.after(null);
                dropped++;
            }
        // links out name entities: those of the pages built, now that removed pages are gone
        Graph links;
        try {
            links = LinkFiles.read(files, entity -> dataset.contains(Node.ANY, entity, KG.identifier, Node.ANY),
                    pipeline.ontology(), uris, strict);
        } catch (BuildFailedException e) {
            throw new Failed(e);
        }
        if (links != null) {
            Node name = LinkFiles.graphName(uris);
            wanted.add(name);
            String hash = GraphHash.of(links);
            if (!hash.equals(stored.get(name))) {
                touched.everythingDescribed(); // rare, and not tracked triple by triple
                dataset.removeGraph(name);
                links.find().forEachRemaining(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
                dataset.add(name, name, KG.contentHash, NodeFactory.createLiteralString(hash));
                if (stored.containsKey(name)) replaced++; else added++;
            } else {
                unchanged++;
            }
        } else if (stored.containsKey(LinkFiles.graphName(uris))) {
            touched.everythingDescribed();
            dataset.removeGraph(LinkFiles.graphName(uris));
            dropped++;
        }
        BuildReport counts = new BuildReport(added, replaced, dropped, unchanged);
        if (counts.changed() || !derivation.isCurrent())
            derivation.run(touched, inputs.toString());
        inputs.record(dataset, derivedGraph);
        return new BuildReport(added, replaced, dropped, unchanged, touched.describedChanges());
    }

    /** Replaces a page's graph, stamped with its fingerprint and digests, noting what the replacement changed. */
    static void replacePage(DatasetGraph dataset, QuadLoad load, Changes changes, Node name, Graph content, String hash,
                            String source, String identity) {
        changes.before(dataset, name);
        replace(dataset, load, name, content, hash);
        changes.after(content);
        recordDigests(dataset, load, name, source, identity, false);
    }

    /** Replaces one named graph with {@code content}, stamped with its fingerprint. */
    private static void replace(DatasetGraph dataset, QuadLoad load, Node name, Graph content, String hash) {
        // a bulk load starts from an empty table: there is nothing to remove, and no index to find it with
        if (!load.bulk())
            dataset.removeGraph(name);
        content.find().forEachRemaining(t -> load.add(name, t));
        load.add(name, Triple.create(name, KG.contentHash, NodeFactory.createLiteralString(hash)));
        // when its triples last changed: the home page lists the pages most recently changed
        load.add(name, Triple.create(name, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime)));
    }

    /**
     * The digests of a page graph's seed file and of its identities, on the graph itself. {@code again} when the
     * graph stays and only they change (a load in bulk never has such a graph).
     */
    static void recordDigests(DatasetGraph dataset, QuadLoad load, Node name, String source, String identity, boolean again) {
        if (again) {
            dataset.deleteAny(name, name, KG.sourceDigest, Node.ANY);
            dataset.deleteAny(name, name, KG.identityDigest, Node.ANY);
            dataset.add(name, name, KG.sourceDigest, NodeFactory.createLiteralString(source));
            dataset.add(name, name, KG.identityDigest, NodeFactory.createLiteralString(identity));
            return;
        }
        load.add(name, Triple.create(name, KG.sourceDigest, NodeFactory.createLiteralString(source)));
        load.add(name, Triple.create(name, KG.identityDigest, NodeFactory.createLiteralString(identity)));
    }

    /** Each page graph's recorded digests, "source identity". */
    static Map<Node, String> storedDigests(DatasetGraph dataset) {
        Map<Node, String> source = new HashMap<>(), both = new HashMap<>();
        dataset.find(Node.ANY, Node.ANY, KG.sourceDigest, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(q.getSubject()))
                source.put(q.getGraph(), q.getObject().getLiteralLexicalForm());
        });
        dataset.find(Node.ANY, Node.ANY, KG.identityDigest, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(q.getSubject()) && source.containsKey(q.getGraph()))
                both.put(q.getGraph(), source.get(q.getGraph()) + " " + q.getObject().getLiteralLexicalForm());
        });
        return both;
    }

    /** The graphs a build made, by their fingerprints: each holds one triple naming its own hash. */
    static Map<Node, String> storedHashes(DatasetGraph dataset) {
        Map<Node, String> hashes = new HashMap<>();
        dataset.find(Node.ANY, Node.ANY, KG.contentHash, Node.ANY).forEachRemaining((Quad q) -> {
            if (q.getGraph().equals(q.getSubject()))
                hashes.put(q.getGraph(), q.getObject().getLiteralLexicalForm());
        });
        return hashes;
    }
}
