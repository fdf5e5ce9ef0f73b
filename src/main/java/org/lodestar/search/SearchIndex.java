package org.lodestar.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of the entities, only for speed and forgiveness: it lives beside the database
 * ({@code data/tdb2.search}, see {@link org.lodestar.util.BesideDatabase}) or in memory, its commit
 * names the data version it was made from, and it answers only while that is the data the server
 * reads. Otherwise {@link #searcher} gives nothing (the caller answers from SPARQL) and a new index is
 * made in the background, written to a folder of its own and moved in when complete, so a crash
 * leaves either the old index or none.
 */
public final class SearchIndex implements AutoCloseable {
    /** Moves on when the fields or how they are analysed change, so that an older index is made again. */
    static final String FORMAT = "search-1";
    private static final String STAMP = "lodestar.stamp";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** An open index and the stamp it was made for. */
    private record Open(String stamp, Directory directory, DirectoryReader reader, IndexSearcher searcher) {}

    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lodestar-search-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** After a failure, searches answer from SPARQL for a minute before the index is tried again (a full disk is not retried at every request). */
    private static final long RETRY_NANOS = 60_000_000_000L;
    private volatile long failedAt = Long.MIN_VALUE;
    private volatile Open open;
    private volatile boolean closed;

    /** @param folder where the index lives; null keeps it in memory (a server without a database folder) */
    public SearchIndex(Path folder) {
        this.folder = folder;
        if (folder != null)
            removeLeftovers(folder);
        if (folder != null && Files.isDirectory(folder)) {
            try {
                Directory dir = FSDirectory.open(folder);
                DirectoryReader reader = DirectoryReader.open(dir);
                String stamp = reader.getIndexCommit().getUserData().get(STAMP);
                open = new Open(stamp == null ? "" : stamp, dir, reader, new IndexSearcher(reader));
            } catch (IOException | RuntimeException e) {
                LOG.info("The search index in {} cannot be read ({}); it will be made again", folder, e.toString());
            }
        }
    }

    /** The stamp an index made from data of version {@code dataVersion} under {@code base} carries. */
    public static String stamp(String dataVersion, String base) {
        return FORMAT + " " + dataVersion + " " + base;
    }

    /** The searcher of an index made for {@code stamp}; empty when there is none (yet). */
    public Optional<IndexSearcher> searcher(String stamp) {
        Open o = open;
        return o != null && o.stamp().equals(stamp) ? Optional.of(o.searcher()) : Optional.empty();
    }

    /**
     * Makes the index again in the background unless it is current, reading {@code dataset} in a
     * transaction of its own; {@code stamp} is asked inside that transaction, so the index is
     * stamped with the version of the data it holds. Calls while one is queued are dropped.
     */
    public void refresh(DatasetGraph dataset, Supplier<String> stamp) {
        if (closed || (failedAt != Long.MIN_VALUE && System.nanoTime() - failedAt < RETRY_NANOS) || !queued.compareAndSet(false, true))
            return;
        worker.execute(() -> {
            queued.set(false);
            try {
                Txn.executeRead(dataset, () -> {
                    String s = stamp.get();
                    if (searcher(s).isEmpty() && !closed)
                        make(dataset, s);
                });
            } catch (RuntimeException e) {
                failedAt = System.nanoTime();
                LOG.warn("Making the search index failed; search answers from SPARQL meanwhile, and it is tried again in a minute", e);
            }
        });
    }

    private void make(DatasetGraph dataset, String stamp) {
        long start = System.nanoTime();
        try {
            Path into = folder == null ? null : Files.createTempDirectory(folder.toAbsolutePath().getParent(), folder.getFileName() + ".new-");
            Directory dir = into == null ? new ByteBuffersDirectory() : FSDirectory.open(into);
            int count;
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchFields.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
                count = SearchDocuments.write(dataset, writer);
                writer.setLiveCommitData(Map.of(STAMP, stamp).entrySet());
                writer.commit();
            }
            if (into != null) {
                dir.close();
                moveIn(into);
                dir = FSDirectory.open(folder);
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            Open before = open;
            open = new Open(stamp, dir, reader, new IndexSearcher(reader));
            if (before != null)
                closeQuietly(before);
            LOG.info("Search index of {} entities made in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Folders of makes that a killed server left half done ({@code NAME.new-…}) or half moved
     * ({@code NAME.old}): never read, they would only fill the disk, one per kill (trials update).
     * The database's lock keeps a second server off the same folder, so none is another's work.
     */
    private static void removeLeftovers(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent))
            return;
        String name = folder.getFileName().toString();
        try (Stream<Path> all = Files.list(parent)) {
            for (Path p : all.filter(p -> p.getFileName().toString().startsWith(name + ".new-")
                    || p.getFileName().toString().equals(name + ".old")).toList())
                deleteTree(p);
        } catch (IOException e) {
            LOG.info("Could not remove what an earlier search index make left in {} ({})", parent, e.toString());
        }
    }

    /** Replaces the index folder with {@code made}: the old one is renamed away first, then deleted. */
    private void moveIn(Path made) throws IOException {
        Path old = folder.resolveSibling(folder.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(folder))
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(made, folder, StandardCopyOption.ATOMIC_MOVE);
        // open readers keep the files they mapped; on Linux deleting them is safe
        deleteTree(old);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p))
            return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(x);
        }
    }

    private static void closeQuietly(Open o) {
        try {
            o.reader().close();
            o.directory().close();
        } catch (IOException e) {
            LOG.debug("closing a search index", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        Open o = open;
        open = null;
        if (o != null)
            closeQuietly(o);
    }

    /** For tests: waits until a refresh queued before this call has run. */
    public void awaitIdle() throws InterruptedException {
        var done = worker.submit(() -> {});
        try {
            done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
