package org.lodestar.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.lodestar.ontology.KG;
import org.lodestar.similarity.Progress;
import org.lodestar.store.Described;
import org.lodestar.view.StoredViews;
import org.lodestar.view.ViewOptions;

/**
 * One render of the document store: the first page of every entity's description, as
 * {@code /doc/{type}/{slug}.ttl} answers it, and the records of the default view of every entity
 * with more than {@link StoredViews#MIN_DEGREE} typed edges ({@link StoredViews}), into a {@link DocFile}. Everything is read at one
 * commit: the threads each hold a read transaction of their own, and a thread that sees another
 * commit (a write came in between) calls the render off, since its documents would not agree with
 * the others'.
 */
final class DocRendering {
    /** Entities a thread takes at a time. */
    private static final int CHUNK = 64;

    /**
     * @param commit   the commit every document was read from ({@link Versions#commit})
     * @param rendered documents and views rendered, not kept from an earlier file
     * @param viewsRendered the views among them
     */
    record Result(DocFile file, String commit, long millis, int rendered, int viewsRendered) {}

    /**
     * An earlier file, rendered from the data just before a change that {@code changed} describes:
     * its documents and views that the change does not reach are kept as they are.
     */
    record Reuse(DocFile earlier, Described changed) {}

    private record Start(String commit, String stamp, Versions.DataVersion version, List<EntityPath> entities,
                         DocReach.Reach reach) {}

    private DocRendering() {}

    /**
     * @param cancelled asked between documents and before the file moves in: true calls the render off
     * @param moves     held while the file moves in, so that whoever sets {@code cancelled} under it
     *                  knows no file moves in after
     * @return empty when there is nothing to render from (a store that is not TDB2) or the render
     *         was called off (cancelled, or the data changed while it ran); the file is then as it was
     */
    static Optional<Result> run(Site site, ViewOptions views, Path target, int threads, BooleanSupplier cancelled, Object moves, Progress progress)
            throws IOException {
        return run(site, views, target, threads, cancelled, moves, progress, Optional.empty());
    }

    /** As above, keeping what {@code reuse} allows of an earlier file. */
    static Optional<Result> run(Site site, ViewOptions views, Path target, int threads, BooleanSupplier cancelled, Object moves,
                                Progress progress, Optional<Reuse> reuse) throws IOException {
        long started = System.nanoTime();
        Optional<Start> start = Txn.calculateRead(site.dataset(), () -> Versions.commit(site.dataset()).map(commit -> {
            Versions.DataVersion version = site.version();
            DocReach.Reach reach = reuse.map(r -> DocReach.of(new DocLookup(site.dataset()), r.changed())).orElse(null);
            return new Start(commit, DocStore.stamp(site, version, views), version, entities(site), reach);
        }));
        if (start.isEmpty())
            return Optional.empty();
        Start s = start.get();
        AtomicBoolean calledOff = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger(), rendered = new AtomicInteger(), viewsRendered = new AtomicInteger();
        DocFile earlier = reuse.map(Reuse::earlier).orElse(null);
        try (DocFileWriter writer = new DocFileWriter(target, s.stamp());
             Progress.Bar bar = progress.start("rendering", s.entities().size(), "documents")) {
            BooleanSupplier stop = () -> calledOff.get() || cancelled.getAsBoolean();
            // Never interrupted: an interrupt inside a TDB2 read closes the database's file channels.
            ExecutorService pool = Executors.newFixedThreadPool(threads, DocStore.daemon("lodestar-docs-render"));
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++)
                    running.add(pool.submit(() -> {
                        try {
                            Txn.executeRead(site.dataset(), () -> {
                                if (!s.commit().equals(Versions.commit(site.dataset()).orElse(null)))
                                    calledOff.set(true);
                                else
                                    render(site, views, s, earlier, writer, next, rendered, viewsRendered, bar, stop);
                            });
                        } catch (RuntimeException | Error e) {
                            calledOff.set(true);
                            throw e;
                        }
                        return null;
                    }));
            } finally {
                pool.shutdown();
                awaitUninterruptibly(pool);
            }
            for (Future<?> f : running)
                failure(f, target);
            Path moved;
            synchronized (moves) {
                if (stop.getAsBoolean())
                    return Optional.empty();
                moved = writer.finish();
            }
            DocFile file = DocFile.open(moved);
            return Optional.of(new Result(file, s.commit(), (System.nanoTime() - started) / 1_000_000, rendered.get(),
                    viewsRendered.get()));
        }
    }

    /** Waits for the threads to end, keeping an interrupt for the caller to see afterwards. */
    private static void awaitUninterruptibly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS))
                    break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted)
            Thread.currentThread().interrupt();
    }

    /** Throws what a finished thread threw, if anything. */
    private static void failure(Future<?> finished, Path target) throws IOException {
        try {
            finished.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io)
                throw io.getCause();
            throw new IOException("rendering documents into " + target + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void render(Site site, ViewOptions views, Start s, DocFile earlier, DocFileWriter writer, AtomicInteger next,
                               AtomicInteger rendered, AtomicInteger viewsRendered, Progress.Bar bar, BooleanSupplier stop) {
        EntityDocument docs = new EntityDocument(site.dataset(), site.uris());
        StoredViews.Maker viewMaker = StoredViews.maker(site.dataset(), site.ontology(), site.uris(), views);
        for (int from = next.getAndAdd(CHUNK); from < s.entities().size(); from = next.getAndAdd(CHUNK)) {
            for (EntityPath p : s.entities().subList(from, Math.min(from + CHUNK, s.entities().size()))) {
                if (stop.getAsBoolean())
                    return;
                Node entity = docs.entity(p);
                String viewPath = StoredViews.path(p.typeKey(), p.slug());
                try {
                    DocFile.Stored kept = earlier == null || s.reach().documents().contains(entity) ? null : earlier.stored(p.docPath());
                    if (kept != null) {
                        writer.add(p.docPath(), kept);
                    } else {
                        writer.add(p.docPath(), DocServlet.rdf(p, docs.describe(p, 1), DocStore.FORMAT));
                        rendered.incrementAndGet();
                    }
                    // an entity the change does not reach kept its degree, so it has a stored view as before or none
                    if (earlier != null && !s.reach().views().contains(entity)) {
                        DocFile.Stored view = earlier.stored(viewPath);
                        if (view != null)
                            writer.add(viewPath, view);
                        continue;
                    }
                    Optional<byte[]> view = viewMaker.make(p.typeKey(), p.slug());
                    if (view.isPresent()) {
                        writer.add(viewPath, new ResponseCache.Rendered(view.get()));
                        rendered.incrementAndGet();
                        viewsRendered.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            bar.step(Math.min(CHUNK, s.entities().size() - from));
        }
    }

    /** Every entity whose URI is an {@code /id/{type}/{slug}} under the base: those are the ones with a document. */
    private static List<EntityPath> entities(Site site) {
        String prefix = site.uris().base() + "id";
        Set<EntityPath> found = new LinkedHashSet<>();
        for (Node entity : new DocLookup(site.dataset()).subjects(KG.identifier, Node.ANY))
            if (entity.isURI() && entity.getURI().startsWith(prefix + "/"))
                EntityPath.parse(entity.getURI().substring(prefix.length()), site.ontology())
                        .filter(p -> p.extension() == null)
                        .ifPresent(found::add);
        return List.copyOf(found);
    }
}
