package org.lodestar.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many answers are rendered from the database at once; a request beyond that waits for a slot
 * (it is never refused). Served from the response cache or the documents file, an answer costs
 * next to nothing; rendered, a view costs a few queries. Without a limit, a burst of renders
 * takes every server thread and the cheap answers wait behind them, and past a few renders per
 * core they only contend for TDB2's node cache. With it, the server's threads (many of them:
 * {@link #SERVER_THREADS}) stay free for the cheap answers.
 */
final class RenderSlots {
    /** Jetty's threads: most wait on a slot or a client under load, so there must be enough left for cheap answers. */
    static final int SERVER_THREADS = 200;

    private final Semaphore slots;

    private RenderSlots(int slots) {
        this.slots = new Semaphore(slots, true);
    }

    /** Twice the cores: a render reads the disk as well as computing. */
    static RenderSlots forThisMachine() {
        return new RenderSlots(2 * Runtime.getRuntime().availableProcessors());
    }

    /** No limit: for rendering outside the server (a build's documents file has threads of its own). */
    static RenderSlots unlimited() {
        return new RenderSlots(Integer.MAX_VALUE);
    }

    /** {@code render}'s answer, made once a slot is free. */
    <T> T render(Supplier<T> render) {
        slots.acquireUninterruptibly();
        try {
            return render.get();
        } finally {
            slots.release();
        }
    }

    int available() { return slots.availablePermits(); }
}
