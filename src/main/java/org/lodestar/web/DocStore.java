package org.lodestar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.Ontology;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.util.BesideDatabase;

/**
 * Every entity's description rendered before it is asked for, kept on disk beside the database
 * ({@code data/tdb2} has {@code data/tdb2.docs}). Rendering a description takes a thousand
 * index reads and Jena's pretty Turtle writer, about 1 ms on two cores (more once the database
 * outgrows memory); sending one already rendered takes a file read and an inflate. Only the first
 * page of the Turtle form is kept: it is what crawlers and linked-data clients ask for, and each
 * more would cost as much again to render and store. Other forms and pages are rendered per
 * request and kept by the {@link ResponseCache}.
 *
 * <p>A document is served only to a request that reads the very commit the file was rendered from
 * ({@link Versions#commit}), so no write is ever hidden: after a write every document is rendered
 * per request again until the store has been rendered anew, in the background, once the writes
 * have paused for {@link #QUIET_MILLIS}. A server that starts on a file rendered from the data,
 * code and base it has now (its {@link #stamp}) uses it at once; {@code build} renders it ahead so
 * that this is the usual case.
 */
public final class DocStore {
    public static final String SUFFIX = ".docs";
    static final Format FORMAT = Format.TURTLE;
    /** After a write, how long the data must stay as it is before the documents are rendered again. */
    static final long QUIET_MILLIS = 2_000;

    /** What a render wrote. */
    public record Report(int documents, long bytes, long millis) {
        @Override
        public String toString() {
            return String.format("%,d documents rendered in %.1f s (%,d KB on disk)", documents, millis / 1000.0, bytes / 1024);
        }
    }

    private record Current(DocFile file, String commit) {}

    private final Path file;
    private volatile Current current;
    private volatile Site site;
    /** The commit the last render started from, so that one that failed is not tried again at once. */
    private volatile String lastTried;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService renderer;
    private volatile boolean closed;

    private DocStore(Path file) {
        this.file = file;
        this.renderer = file == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lodestar-docs");
            t.setDaemon(true);
            return t;
        });
    }

    /** No document store: every description is rendered per request (an in-memory database). */
    static DocStore none() { return new DocStore(null); }

    /** The store kept in {@code file}. */
    static DocStore at(Path file) { return new DocStore(file); }

    /** The document file of a TDB2 database folder: beside it, named after it. */
    public static Path besideDatabase(Path db) { return BesideDatabase.file(db, SUFFIX); }

    /**
     * Renders the documents of {@code store} into {@code file} now, on every core; what
     * {@code build} does so that the server it starts has them at once.
     *
     * @return empty when the data changed while rendering (nothing written)
     */
    public static Optional<Report> render(KnowledgeStore store, String base, Path file, Progress progress)
            throws IOException, InterruptedException {
        Site site = new Site(store, Ontology.load(), new Uris(base), new ResponseCache(0), none());
        return DocRendering.run(site, file, Runtime.getRuntime().availableProcessors(), () -> false, progress)
                .map(r -> new Report(r.file().size(), r.file().bytes(), r.millis()));
    }

    /**
     * What the documents are made from: the data version (which the ETags and the documents'
     * {@code dcterms:modified} come from), the code version (queries, templates) and the base.
     */
    static String stamp(Site site, Versions.DataVersion version) {
        return String.join(" ", "data", version.hash(), "modified", version.modified().toString(), "code", Versions.code(),
                "base", site.uris().base());
    }

    /** Called once the server's {@link Site} exists: opens the file if it is current, else renders it in the background. */
    void start(Site site) {
        this.site = site;
        if (file == null)
            return;
        if (Files.exists(file)) {
            try {
                DocFile opened = DocFile.open(file);
                Optional<String> commit = Txn.calculateRead(site.dataset(), () -> Versions.commit(site.dataset())
                        .filter(c -> opened.stamp().equals(stamp(site, site.version()))));
                if (commit.isPresent()) {
                    current = new Current(opened, commit.get());
                    lastTried = commit.get();
                    return;
                }
                Fuseki.serverLog.info("{} was rendered from other data or code; rendering it again", file);
            } catch (IOException e) {
                Fuseki.serverLog.warn("{}; rendering it again", e.getMessage());
            }
        }
        schedule(0);
    }

    /**
     * The document at {@code docPath}, when the store was rendered from {@code commit}; otherwise
     * null, and a render is scheduled if none has started from that commit.
     */
    ResponseCache.Rendered find(String commit, String docPath) {
        if (file == null)
            return null;
        Current c = current;
        if (c == null || !c.commit().equals(commit)) {
            if (!commit.equals(lastTried))
                schedule(QUIET_MILLIS);
            return null;
        }
        try {
            return c.file().find(docPath);
        } catch (RuntimeException e) {
            Fuseki.serverLog.warn("{}: {}; rendering it per request", docPath, e.getMessage());
            return null;
        }
    }

    /** Stops a render in progress and waits for it; a file half written is thrown away. */
    void close() {
        closed = true;
        if (renderer == null)
            return;
        renderer.shutdownNow();
        try {
            renderer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(long delayMillis) {
        if (closed || !pending.compareAndSet(false, true))
            return;
        try {
            renderer.schedule(this::renderNow, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.set(false);
        }
    }

    private void renderNow() {
        try {
            Optional<String> commit = Txn.calculateRead(site.dataset(), () -> Versions.commit(site.dataset()));
            Current c = current;
            if (commit.isEmpty() || c != null && commit.get().equals(c.commit()))
                return;
            lastTried = commit.get();
            Optional<DocRendering.Result> done = DocRendering.run(site, file, Runtime.getRuntime().availableProcessors(),
                    () -> closed, Progress.QUIET);
            done.ifPresent(r -> {
                current = new Current(r.file(), r.commit());
                Fuseki.serverLog.info("{}: {}", file, new Report(r.file().size(), r.file().bytes(), r.millis()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | OutOfMemoryError e) {
            if (!closed)
                Fuseki.serverLog.warn("Rendering the documents into {} failed ({}); they are rendered per request", file, e.toString());
        } finally {
            pending.set(false);
        }
    }
}
