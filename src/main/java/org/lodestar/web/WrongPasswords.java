package org.lodestar.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Wrong passwords per client address, for {@link RequestGuard}: an address with {@code max} of them
 * within {@code window} milliseconds is refused until the oldest of those is a window old.
 * <p>
 * An address whose newest wrong password is older than the window can no longer be refused, so its
 * entry is dropped: by the address itself when it asks again, and for addresses that never come
 * back by a sweep of the whole map at most once a window. Without that, every address that ever
 * sent one wrong password stayed in memory for the life of the server, and a guesser rotating
 * through addresses (an IPv6 /64 has plenty) could grow the map without end. With it the map holds
 * at most the addresses that sent a wrong password in the last two windows.
 * <p>
 * Each address's times are read and changed only inside {@link ConcurrentHashMap#compute}, under
 * the map's lock for that key, so a sweep cannot drop a deque that another thread is adding to.
 */
final class WrongPasswords {
    private final int max;
    private final long window;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> wrong = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    WrongPasswords(int max, long windowMillis, LongSupplier clock) {
        this.max = max;
        this.window = windowMillis;
        this.clock = clock;
        this.lastSweep = new AtomicLong(clock.getAsLong());
    }

    /** Milliseconds until {@code client} may try again; 0 when it may now. */
    long refusedFor(String client) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        long[] retry = {0};
        wrong.computeIfPresent(client, (c, times) -> {
            dropExpired(times, now);
            if (times.isEmpty())
                return null;
            if (times.size() >= max)
                retry[0] = window - (now - times.peekFirst());
            return times;
        });
        return retry[0];
    }

    void wrongPassword(String client) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        wrong.compute(client, (c, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            t.addLast(now);
            // only the newest max count: the oldest of them says when the address may try again
            while (t.size() > max)
                t.removeFirst();
            return t;
        });
    }

    /** Addresses kept now (for tests: that the map is bounded). */
    int addresses() { return wrong.size(); }

    /** Drops every address whose times are all a window old, at most once a window (a sweep walks the whole map). */
    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last < window || !lastSweep.compareAndSet(last, now))
            return;
        for (String client : wrong.keySet())
            wrong.computeIfPresent(client, (c, times) -> {
                dropExpired(times, now);
                return times.isEmpty() ? null : times;
            });
    }

    private void dropExpired(Deque<Long> times, long now) {
        while (!times.isEmpty() && now - times.peekFirst() > window)
            times.removeFirst();
    }
}
