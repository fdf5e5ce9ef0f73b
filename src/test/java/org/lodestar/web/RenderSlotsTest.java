package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Renders beyond the slots wait for one (never refused, never more at once than the slots). */
class RenderSlotsTest {
    @Test
    void aRenderBeyondTheSlotsWaitsForOneAndThenRuns() throws Exception {
        RenderSlots slots = RenderSlots.forThisMachine();
        int n = slots.available();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), n);
        CountDownLatch started = new CountDownLatch(n), release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            Thread t = new Thread(() -> slots.render(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return running.decrementAndGet();
            }));
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
        assertEquals(0, running.get(), "the waiting render never ran");
        assertEquals(n, slots.available(), "a slot was not given back");
        assertFalse(threads.stream().anyMatch(Thread::isAlive));
    }

    @Test
    void theServerHasThreadsBeyondTheSlots() {
        assertTrue(RenderSlots.SERVER_THREADS >= 4 * RenderSlots.forThisMachine().available(),
                "renders waiting for a slot must leave threads for the cheap answers");
    }
}
