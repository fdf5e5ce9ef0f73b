package org.lodestar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.Jena;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.Ontology;
import org.lodestar.ontology.KG;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.Progress;
import org.lodestar.store.Described;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.util.BesideDatabase;
import org.lodestar.util.ClasspathFolder;
import org.lodestar.view.StoredViews;
import org.lodestar.view.ViewOptions;

/**
 * Every entity's description rendered before it is asked for, kept on disk beside the database
 * ({@code data/tdb2} has {@code data/tdb2.docs}), and in the same file the default views of the
 * entities with the most typed edges ({@link StoredViews}: their records, under
 * {@code /view/{type}/{slug}}, rendered into the format asked for when served). Rendering a description takes a thousand
 * index reads and Jena's pretty Turtle writer, about 1 ms on two cores (more once the database
 * outgrows memory); sending one already rendered takes a file read and an inflate. Only the first
 * page of the Turtle form is kept: it is what crawlers and linked-data clients ask for, and each
 * more would cost as much again to render and store. Other forms and pages are rendered per
 * request and kept by the {@link ResponseCache}. Nothing here is needed for a correct answer: the
 * file is made from the data, and whatever it does not hold is made per request.
 *
 * <p>A document is served only to a request that reads the very commit the file was rendered from
 * ({@link Versions#commit}), so no write is ever hidden: after a write every document is rendered
 * per request again until the store has been rendered anew, in the background, once no new commit
 * has been seen for {@link #QUIET_MILLIS}. A server that starts on a file rendered from the data,
 * code, base and default view options it has now (its {@link #stamp}) uses it at once; {@code build} renders it ahead so
 * that this is the usual case. A SPARQL update deletes the file before it runs, and no render
 * moves one in until it has ended ({@link #beginWrite}), so that an update which commits but is
 * never recorded (a crash in between) cannot leave a file whose stamp still matches.
 */
public final class DocStore {
    public static final String SUFFIX = ".docs";
    static final Format FORMAT = Format.TURTLE;
    /** How long no new commit must be seen before the documents are rendered again. */
    static final long QUIET_MILLIS = 2_000;
    /** After a render failed, the wait before the next try; doubled at each failure, up to an hour. */
    private static final long FIRST_RETRY_MILLIS = 60_000, LAST_RETRY_MILLIS = 3_600_000;
    /**
     * Classes of the packages whose code shapes a document (this one, the URIs, the ontology's
     * terms) are hashed into the stamp: the code version covers the queries and templates, not
     * Java code, and a release can change a document without them.
     */
    private static final List<Class<?>> RENDERING_PACKAGES = List.of(DocStore.class, Uris.class, KG.class);
    private static final String RENDERER = rendererVersion();

    /**
     * What a render wrote; {@code fresh} false when the file was already rendered from this data and code.
     *
     * @param views the stored views among them ({@link StoredViews}), not counted in {@code documents}
     * @param rendered documents and views rendered, not kept from an earlier file
     * @param viewsRendered the views among those
     */
    public record Report(int documents, int views, long bytes, long millis, boolean fresh, int rendered, int viewsRendered) {
        static Report of(DocRendering.Result r) {
            int views = r.file().count(StoredViews.PREFIX);
            return new Report(r.file().size() - views, views, r.file().bytes(), r.millis(), true, r.rendered(), r.viewsRendered());
        }

        static Report of(DocFile file, long millis, boolean fresh) {
            int views = file.count(StoredViews.PREFIX);
            return new Report(file.size() - views, views, file.bytes(), millis, fresh, 0, 0);
        }

        @Override
        public String toString() {
            if (!fresh)
                return String.format("%,d documents and %,d stored views already rendered from this data", documents, views);
            String made = rendered >= documents + views ? "rendered" : String.format("kept, %,d of them rendered again,", rendered);
            return String.format("%,d documents %s in %.1f s, with %,d stored views (%,d KB on disk)", documents, made,
                    millis / 1000.0, views, bytes / 1024);
        }
    }


    private record Current(DocFile file, String commit) {}

    private final Path file;
    /** The options of the views rendered into the file: the server's defaults. */
    private final ViewOptions views;
    private volatile Current current;
    private volatile Site site;
    /** The commit the last render started from, so that one from the same commit is not started again. */
    private volatile String lastTried;
    /** The latest commit a request saw that the documents are not from, and when it was first seen. */
    private final AtomicReference<Seen> newest = new AtomicReference<>();
    /** Held to move a rendered file in, and by a SPARQL update to begin: so none moves in while one runs. */
    private final Object moves = new Object();
    /** SPARQL updates under way (guarded by {@link #moves}). */
    private int writing;
    /** One more at each update's start and end: a render started before them is called off. */
    private volatile long writes;
    private volatile long retryMillis = FIRST_RETRY_MILLIS;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService renderer;
    private volatile boolean closed;

    private record Seen(String commit, long at) {}

    private DocStore(Path file, ViewOptions views) {
        this.file = file;
        this.views = views;
        if (file == null) {
            this.renderer = null;
        } else {
            ScheduledThreadPoolExecutor one = new ScheduledThreadPoolExecutor(1, daemon("lodestar-docs"));
            one.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a closed store starts no render
            this.renderer = one;
        }
    }

    /** No document store: every description is rendered per request (an in-memory database). */
    static DocStore none() { return new DocStore(null, null); }

    /** The store kept in {@code file}, with the views a server whose views default to {@code views} shows. */
    static DocStore at(Path file, ViewOptions views) { return new DocStore(file, views); }

    /** The document file of a TDB2 database folder: beside it, named after it. */
    public static Path besideDatabase(Path db) { return BesideDatabase.file(db, SUFFIX); }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Renders the documents of {@code store}, and the views of its largest entities with
     * {@code views}, into {@code file} now, on every core, unless the file was rendered from this
     * data, code and view options already; what {@code build} does so that the server it starts
     * (with the same similarity options) has them at once.
     *
     * @return empty when the data changed while rendering (nothing written)
     */
    public static Optional<Report> render(KnowledgeStore store, String base, ViewOptions views, Path file, Progress progress)
            throws IOException {
        return render(store, base, views, file, progress, Optional.empty(), Described.ALL);
    }

    /**
     * As {@link #render(KnowledgeStore, String, ViewOptions, Path, Progress)}, after a build that
     * changed what {@code changed} says: when the file was rendered from the data just before it
     * ({@code before}, its stamp then, from {@link #currentStamp}), only the documents and views the
     * change reaches are rendered again and the others are kept as they are (an edit of one page
     * at 200,000 entities otherwise rendered 200,000 documents again).
     */
    public static Optional<Report> render(KnowledgeStore store, String base, ViewOptions views, Path file, Progress progress,
                                          Optional<String> before, Described changed) throws IOException {
        Site site = new Site(store, Ontology.load(), new Uris(base), new ResponseCache(0), none(), RenderSlots.inPlace());
        Optional<DocFile> existing = current(site, views, file);
        if (existing.isPresent())
            return Optional.of(Report.of(existing.get(), 0, false));
        Optional<DocRendering.Reuse> reuse = Optional.empty();
        if (before.isPresent() && !changed.all() && Files.exists(file)) {
            try {
                DocFile earlier = DocFile.open(file);
                if (earlier.stamp().equals(before.get()))
                    reuse = Optional.of(new DocRendering.Reuse(earlier, changed));
            } catch (IOException e) {
                Fuseki.serverLog.warn(e.getMessage()); // rendered whole
            }
        }
        return DocRendering.run(site, views, file, Runtime.getRuntime().availableProcessors(), () -> false, new Object(), progress,
                reuse).map(Report::of);
    }

    /** The stamp of {@code file} when it was rendered from what {@code store} holds now: what a build changes next. */
    public static Optional<String> currentStamp(KnowledgeStore store, String base, ViewOptions views, Path file) {
        Site site = new Site(store, Ontology.load(), new Uris(base), new ResponseCache(0), none(), RenderSlots.inPlace());
        return current(site, views, file).map(DocFile::stamp);
    }

    /**
     * What the documents are made from: the data version (which the ETags come from),
     * {@code dcterms:modified} come from), the code version (queries, templates), the code that
     * renders them with Jena's version, the deflater (the stored bytes are sent as they are), the
     * base, and for the stored views the code that makes their records and the options they were
     * made with: a server whose views default to other options renders its own.
     */
    static String stamp(Site site, Versions.DataVersion version, ViewOptions views) {
        return String.join(" ", "data", version.hash(), "code", Versions.code(),
                "renderer", RENDERER, "zlib", Zlib.FINGERPRINT, "base", site.uris().base(),
                "views", StoredViews.CODE, "threshold", views.threshold().stripTrailingZeros().toPlainString(),
                "imported", Boolean.toString(views.imported()), "computed", Boolean.toString(views.computed()),
                "pageSize", Integer.toString(views.pageSize()), "above", Integer.toString(StoredViews.MIN_DEGREE));
    }

    /** The file, when it opens and was rendered from what the store holds now; logs why not otherwise. */
    private static Optional<DocFile> current(Site site, ViewOptions views, Path file) {
        if (!Files.exists(file))
            return Optional.empty();
        try {
            DocFile opened = DocFile.open(file);
            String now = Txn.calculateRead(site.dataset(), () -> stamp(site, site.version(), views));
            if (opened.stamp().equals(now))
                return Optional.of(opened);
            Fuseki.serverLog.info("{} was rendered from other data, code or view options", file);
        } catch (IOException e) {
            Fuseki.serverLog.warn(e.getMessage());
        }
        return Optional.empty();
    }

    /** Called once the server's {@link Site} exists, before it takes requests: uses the file if it is current. */
    void open(Site site) {
        this.site = site;
        if (file == null)
            return;
        Txn.executeRead(site.dataset(), () -> Versions.commit(site.dataset()).ifPresent(commit ->
                current(site, views, file).ifPresent(f -> {
                    current = new Current(f, commit);
                    lastTried = commit;
                })));
    }

    /** Once the server runs: renders the documents in the background if {@link #open} found none to use. */
    void renderIfMissing() {
        if (file != null && current == null)
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
            // A request still reading an older commit must not count as news.
            newest.accumulateAndGet(new Seen(commit, System.nanoTime()),
                    (old, now) -> old == null || Versions.isLater(now.commit(), old.commit()) ? now : old);
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

    /**
     * Before a SPARQL update, which may commit and never be recorded (a crash in between): the
     * documents are no longer used, the file goes, and no render moves one in until {@link #endWrite}.
     */
    void beginWrite() {
        if (file == null)
            return;
        synchronized (moves) {
            writing++;
            writes++;
            current = null;
            lastTried = null;
            try {
                Files.deleteIfExists(file);
                DocFileWriter.syncFolder(file);
            } catch (IOException e) {
                Fuseki.serverLog.warn("Could not delete {} before an update: {}", file, e.toString());
            }
        }
    }

    /** After the update and its record, committed or not. */
    void endWrite() {
        if (file == null)
            return;
        synchronized (moves) {
            writing--;
            writes++;
        }
    }

    /** Stops a render in progress (between documents) and waits for it; a file half written is thrown away. */
    void close() {
        closed = true;
        if (renderer == null)
            return;
        // not shutdownNow: an interrupt inside a TDB2 read closes the database's file channels
        renderer.shutdown();
        try {
            renderer.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(long delayMillis) {
        if (closed || !pending.compareAndSet(false, true))
            return;
        try {
            renderer.schedule(this::renderWhenQuiet, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false);
        }
    }

    /** Renders once no new commit has been seen for {@link #QUIET_MILLIS} and no update is under way; waits again otherwise. */
    private void renderWhenQuiet() {
        if (closed) {
            pending.set(false);
            return;
        }
        Seen last = newest.get();
        long quietFor = last == null ? Long.MAX_VALUE : (System.nanoTime() - last.at()) / 1_000_000;
        boolean updating;
        synchronized (moves) {
            updating = writing > 0;
        }
        if (quietFor < QUIET_MILLIS || updating) {
            renderer.schedule(this::renderWhenQuiet, QUIET_MILLIS - Math.min(quietFor, QUIET_MILLIS - 1), TimeUnit.MILLISECONDS);
            return;
        }
        long generation = writes;
        long next = -1; // when to try again, if at all
        try {
            Optional<String> commit = Txn.calculateRead(site.dataset(), () -> Versions.commit(site.dataset()));
            Current c = current;
            if (commit.isEmpty() || c != null && commit.get().equals(c.commit()))
                return;
            String from = commit.get();
            lastTried = from;
            // Half the cores: the server answers requests meanwhile. A later commit or an update
            // calls the render off, since its documents would be out of date.
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            Optional<DocRendering.Result> done = DocRendering.run(site, views, file, threads, () -> closed || writes != generation
                    || newest.get() != null && Versions.isLater(newest.get().commit(), from), moves, Progress.QUIET);
            if (done.isPresent()) {
                synchronized (moves) {
                    if (writes == generation)
                        current = new Current(done.get().file(), done.get().commit());
                }
                retryMillis = FIRST_RETRY_MILLIS;
                Fuseki.serverLog.info("{}: {}", file, Report.of(done.get()));
            } else {
                lastTried = null;
                next = QUIET_MILLIS; // called off: render again once things are quiet, requests or not
            }
        } catch (Throwable e) {
            lastTried = null;
            next = retryMillis;
            retryMillis = Math.min(2 * retryMillis, LAST_RETRY_MILLIS);
            if (!closed)
                Fuseki.serverLog.warn("Rendering the documents into {} failed ({}); they are rendered per request, and again in {} s",
                        file, e.toString(), next / 1000);
        } finally {
            pending.set(false);
        }
        if (next >= 0)
            schedule(next);
    }

    private static String rendererVersion() {
        StringBuilder all = new StringBuilder("jena " + Jena.VERSION);
        for (String name : renderingClasses())
            all.append('\n').append(name).append(' ').append(Uris.hash(ClasspathFolder.bytes(name), 16));
        return Uris.hash(all.toString(), 16);
    }

    /** The class files whose bytes go into the stamp: every class of {@link #RENDERING_PACKAGES}, nested ones too. */
    static List<String> renderingClasses() {
        return RENDERING_PACKAGES.stream().flatMap(anchor -> ClasspathFolder.listBeside(anchor, ".class").stream()).toList();
    }
}
