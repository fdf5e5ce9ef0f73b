package org.lodestar.web;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Properties;
import java.util.UUID;
import java.time.temporal.ChronoUnit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;
import org.lodestar.store.RemoteDataset;
import org.lodestar.util.ClasspathFolder;

/**
 * What a validator (ETag, Last-Modified) is made of. The data version is a hash of the fingerprints
 * that every build writes ({@code <graph> kg:contentHash "…"} in each graph it made), so it changes
 * exactly when a build changes a graph; the code version is the release plus a hash of the
 * queries, templates and JSON-LD context that shape every representation. The build time is the
 * {@code dcterms:modified} the build records on the derived graph. A SPARQL update through the
 * server adds a token of its own to the data version ({@link #recordUpdate}).
 */
final class Versions {
    /** Read once per request, in one read transaction. */
    record DataVersion(String hash, Instant modified) {}

    private static final String CODE = codeVersion();
    private static final Instant STARTED = Instant.now();

    private Versions() {}

    static String code() { return CODE; }

    /**
     * The data version, recomputed only when the read transaction sees data that a later commit
     * wrote: scanning every graph's fingerprint costs ~0.5 s at 20,000 pages, far too much for each
     * request. TDB2 numbers the data each transaction sees (one more per commit), and the number and
     * the scan come from the same transaction, so a cached answer is never older than its number.
     */
    static DataVersion read(DatasetGraph dataset, Node derivedGraph) {
        if (dataset instanceof RemoteDataset)
            return remote(dataset, derivedGraph);
        return Txn.calculateRead(dataset, () -> {
            // Inside a write the number is the one before it commits: never cache what it sees.
            if (!TDBInternal.isTDB2(dataset) || dataset.transactionMode() != ReadWrite.READ)
                return scan(dataset, derivedGraph);
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(dataset);
            long seen = seen(storage);
            DataVersion cached = cached(storage, seen, derivedGraph);
            if (cached != null)
                return cached;
            // One scan per commit: the requests that arrive together after a start or a write
            // would otherwise each scan (32 of them took the server's two cores for seconds).
            // The scan runs in the caller's transaction and must never begin one: the readers
            // waiting here hold theirs, and a new one could queue behind a compaction waiting
            // for them.
            synchronized (SCAN) {
                cached = cached(storage, seen, derivedGraph);
                if (cached != null)
                    return cached;
                DataVersion version = scan(dataset, derivedGraph);
                Cached newest = CACHE.get(storage);
                // A reader of an older commit must not replace what a newer one found.
                if (newest == null || newest.dataVersion() <= seen)
                    CACHE.put(storage, new Cached(seen, derivedGraph, version));
                return version;
            }
        });
    }

    /**
     * A remote store numbers no commits: its version is read again once a second at most, so a
     * write to it shows in validators within a second and a burst of requests costs one scan.
     */
    private static DataVersion remote(DatasetGraph dataset, Node derivedGraph) {
        long now = System.nanoTime();
        synchronized (REMOTE) {
            Remote last = REMOTE.get(dataset);
            if (last != null && last.derivedGraph().equals(derivedGraph) && now - last.readAt() < 1_000_000_000L)
                return last.version();
        }
        DataVersion version = Txn.calculateRead(dataset, () -> scan(dataset, derivedGraph));
        synchronized (REMOTE) {
            REMOTE.put(dataset, new Remote(now, derivedGraph, version));
        }
        return version;
    }

    private record Remote(long readAt, Node derivedGraph, DataVersion version) {}

    private static final Map<DatasetGraph, Remote> REMOTE = new WeakHashMap<>();

    /** Whether a read now would be answered without a scan. */
    static boolean isCached(DatasetGraph dataset, Node derivedGraph) {
        return TDBInternal.isTDB2(dataset) && Txn.calculateRead(dataset, () -> {
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(dataset);
            return cached(storage, seen(storage), derivedGraph) != null;
        });
    }

    private static DataVersion cached(DatasetGraphTDB storage, long seen, Node derivedGraph) {
        Cached cached = CACHE.get(storage);
        boolean current = cached != null && cached.dataVersion() == seen && cached.derivedGraph().equals(derivedGraph);
        return current ? cached.version() : null;
    }

    /**
     * Names the commit the current read transaction sees, which no later commit shares: TDB2's
     * number of the data this transaction reads, with its storage object (compaction swaps it,
     * and its numbering with it). Every write counts, a build's or a SPARQL update's alike.
     * Empty outside a read transaction on TDB2.
     */
    static Optional<String> commit(DatasetGraph dataset) {
        if (!TDBInternal.isTDB2(dataset) || !dataset.isInTransaction() || dataset.transactionMode() != ReadWrite.READ)
            return Optional.empty();
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(dataset);
        return Optional.of(System.identityHashCode(storage) + ":" + seen(storage));
    }

    /**
     * Whether {@code commit} (from {@link #commit}) came after {@code than}: a higher number on the
     * same storage, or another storage object altogether (compaction swaps it only forwards).
     */
    static boolean isLater(String commit, String than) {
        int a = commit.indexOf(':'), b = than.indexOf(':');
        if (!commit.regionMatches(0, than, 0, Math.max(a, b) + 1))
            return !commit.equals(than);
        return Long.parseLong(commit.substring(a + 1)) > Long.parseLong(than.substring(b + 1));
    }

    /** TDB2's number of the data the calling thread's transaction reads (one more per commit). */
    private static long seen(DatasetGraphTDB storage) {
        return storage.getTxnSystem().getThreadTransaction().getDataVersion();
    }

    private record Cached(long dataVersion, Node derivedGraph, DataVersion version) {}

    /** Per storage object: compaction swaps it, and its numbering with it. */
    private static final Map<DatasetGraphTDB, Cached> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Object SCAN = new Object();

    /** In the caller's transaction ({@link #read} holds one). */
    private static DataVersion scan(DatasetGraph dataset, Node derivedGraph) {
        List<String> lines = new ArrayList<>();
        dataset.find(Node.ANY, Node.ANY, KG.contentHash, Node.ANY).forEachRemaining(q -> {
            // A store read as one graph (RemoteDataset) names no graph: each fingerprint is about its graph.
            Node g = q.isDefaultGraph() ? q.getSubject() : q.getGraph();
            if (g.equals(q.getSubject()) && g.isURI())
                lines.add(g.getURI() + " " + q.getObject().getLiteralLexicalForm());
        });
        lines.sort(null);
        Node in = dataset instanceof RemoteDataset ? Node.ANY : derivedGraph;
        dataset.find(in, derivedGraph, KG.lastUpdate, Node.ANY).forEachRemaining(q ->
                lines.add("update " + q.getObject().getLiteralLexicalForm()));
        var found = dataset.find(in, derivedGraph, DCTerms.modified.asNode(), Node.ANY);
        Instant modified = found.hasNext() ? parse(found.next().getObject().getLiteralLexicalForm()) : STARTED;
        return new DataVersion(Uris.hash(String.join("\n", lines), 32), modified);
    }

    /**
     * Marks the data as changed by a SPARQL update, which writes no fingerprint: a fresh token and
     * the time, on the derived graph, so that ETags and Last-Modified move on as after a build (a
     * build that derives again keeps the token). The derived graph loses its fingerprint, so that
     * the next build derives it again even when no page changed: the update may have changed what
     * the degrees and similarity links are computed from. This runs in a
     * transaction of its own after Fuseki's: a request between the two still sees the old
     * validators, and a crash between them leaves the update unmarked.
     */
    static void recordUpdate(DatasetGraph dataset, Node derivedGraph) {
        Txn.executeWrite(dataset, () -> {
            dataset.deleteAny(derivedGraph, derivedGraph, KG.contentHash, Node.ANY);
            dataset.deleteAny(derivedGraph, derivedGraph, KG.lastUpdate, Node.ANY);
            dataset.deleteAny(derivedGraph, derivedGraph, DCTerms.modified.asNode(), Node.ANY);
            dataset.add(derivedGraph, derivedGraph, KG.lastUpdate, NodeFactory.createLiteralString(UUID.randomUUID().toString()));
            dataset.add(derivedGraph, derivedGraph, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime));
        });
    }

    private static Instant parse(String dateTime) {
        try {
            return Instant.parse(dateTime);
        } catch (RuntimeException e) {
            return STARTED;
        }
    }

    private static String codeVersion() {
        StringBuilder all = new StringBuilder(release());
        for (String folder : List.of("queries", "templates", "ns"))
            for (String file : ClasspathFolder.list(folder, ""))
                all.append('\n').append(file).append('\n').append(ClasspathFolder.read(file));
        return Uris.hash(all.toString(), 16);
    }

    private static String release() {
        try (InputStream in = Versions.class.getResourceAsStream("/META-INF/maven/org.lodestar/lodestar/pom.properties")) {
            if (in == null)
                return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (Exception e) {
            return "dev";
        }
    }
}
