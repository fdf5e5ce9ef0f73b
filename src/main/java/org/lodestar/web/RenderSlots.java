package org.lodestar.web;

import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Where answers are rendered from the database: twice the cores of threads below the server's CPU
 * priority ({@link NicedThreads}, nice {@link #NICE}), in the order asked; a request beyond them
 * waits (it is never refused). Served from the response cache or the documents file, an answer
 * costs next to nothing; rendered, a view costs a few queries. Rendered on the server's own
 * threads, a burst of renders took every thread and core and the cheap answers waited behind
 * them, and past a few renders per core they only contend for TDB2's node cache. Here the
 * server's threads (many of them: {@link #SERVER_THREADS}) and its CPU go to the cheap answers
 * first.
 */
final class RenderSlots {
    /** Jetty's threads: under load many wait for a render or a client, and the cheap answers need the rest. */
    static final int SERVER_THREADS = 200;
    /** Below the server's threads (0), above the SPARQL queries ({@link QueryGuard#NICE}). */
    static final int NICE = 5;

    private final ExecutorService threads;
    private final int slots;

    private RenderSlots(int slots) {
        this.slots = slots;
        this.threads = slots == 0 ? null : NicedThreads.pool("lodestar-render", NICE, slots);
    }

    /** Twice the cores: a render reads the disk as well as computing. */
    static RenderSlots forThisMachine() {
        return new RenderSlots(2 * Runtime.getRuntime().availableProcessors());
    }

    /** On the caller's thread: for rendering outside the server (a build's documents file has threads of its own). */
    static RenderSlots inPlace() {
        return new RenderSlots(0);
    }

    /** {@code render}'s answer, made on one of the threads once one is free. */
    <T> T render(Supplier<T> render) {
        if (threads == null)
            return render.get();
        try {
            return NicedThreads.call(threads, render::get);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // a Supplier throws nothing checked
        }
    }

    /** How many renders run at once at most (0: on the caller's thread). */
    int slots() { return slots; }
}
