package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Renders beyond the slots wait for one (never refused, never more at once than the slots), below the server's priority. */
class RenderSlotsTest {
    @Test
    void aRenderBeyondTheSlotsWaitsForOneAndThenRuns() throws Exception {
        RenderSlots slots = RenderSlots.forThisMachine();
        int n = slots.slots();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), n);
        CountDownLatch started = new CountDownLatch(n), release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger(), done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            Thread t = new Thread(() -> {
                slots.render(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return running.decrementAndGet();
                });
                done.incrementAndGet();
            });
            t.start();
            threads.add(t);
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
        Thread.sleep(200);
        assertEquals(n, running.get(), "one render ran beyond the " + n + " slots");
        release.countDown();
        for (Thread t : threads)
            t.join(30_000);
        assertEquals(n, most.get());
        assertEquals(n + 1, done.get(), "the waiting render never ran");
    }

    @Test
    void rendersRunBelowTheServersPriorityAndTheirFailuresReachTheCaller() throws Exception {
        RenderSlots slots = RenderSlots.forThisMachine();
        int mine = NicedThreads.nice();
        String[] where = slots.render(() -> {
            try {
                return new String[] {Thread.currentThread().getName(), Integer.toString(NicedThreads.nice())};
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(where[0].startsWith("lodestar-render-"), where[0]);
        assertTrue(Integer.parseInt(where[1]) >= Math.min(19, mine + 1), "rendered at nice " + where[1] + ", asked at " + mine);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> slots.render(() -> { throw new IllegalArgumentException("no such view"); }));
        assertEquals("no such view", e.getMessage());
        assertEquals(Thread.currentThread().getName(), RenderSlots.inPlace().render(() -> Thread.currentThread().getName()));
    }

    @Test
    void theServerHasThreadsBeyondTheSlots() {
        assertTrue(RenderSlots.SERVER_THREADS >= 4 * RenderSlots.forThisMachine().slots(),
                "renders waiting for a slot must leave threads for the cheap answers");
        assertTrue(RenderSlots.NICE < QueryGuard.NICE, "a view before an expensive query");
    }
}
