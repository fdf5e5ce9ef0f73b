package org.lodestar.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In front of the SPARQL query endpoints: queries beyond what the server can hold are refused with
 * {@code 503} and {@code Retry-After}, rather than run into an OutOfMemoryError that would take
 * every other request (and the pages) down with them. Two limits: at most {@link #permits} queries
 * at a time (a request waits up to {@link #WAIT_MILLIS} for a place), and none while the heap
 * still held after the last collection is above {@link #HEADROOM} of the maximum: that is live
 * data, not garbage, so a query started then is the one that would not fit. The queries admitted
 * run on threads below the pages' CPU priority ({@link NicedThreads}, nice {@link #NICE}), so
 * that those holding cores until the timeout ({@code --timeout}, which still cuts them) take only
 * what the pages leave.
 */
final class QueryGuard implements Filter {
    /**
     * Short: a query that finds no place is almost always behind one that runs to the timeout
     * (seconds), and while it waits it holds a server thread.
     */
    static final long WAIT_MILLIS = 250;
    static final double HEADROOM = 0.85;
    static final String RETRY_SECONDS = "5";

    private final Semaphore running;
    private final int permits;
    private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();

    /** CFS gives a thread at 10 about a tenth of the CPU of one at 0. */
    static final int NICE = 10;
    /** As many threads as places. */
    private final ExecutorService threads;

    QueryGuard(int permits) {
        this.permits = permits;
        this.running = new Semaphore(permits, true);
        this.threads = NicedThreads.pool("lodestar-query", NICE, Math.max(1, permits));
    }

    static QueryGuard forThisMachine() {
        return new QueryGuard(permitsFor(Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Twice the cores, at least 4: queries wait on the disk and the timeout as much as on a core,
     * and at their lower priority they no longer take the cores the pages need (admitting one
     * fewer than the cores did that too, but a single expensive query then refused every cheap
     * one behind it until the timeout).
     */
    static int permitsFor(int cores) {
        return Math.max(4, 2 * cores);
    }

    int permits() { return permits; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!hasQuery(req)) {
            chain.doFilter(request, response);
            return;
        }
        if (heapFull()) {
            refuse(resp, "The server's memory is nearly full; this query was not started. Try again shortly.");
            return;
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(resp, "The server is running " + permits + " queries already; try again shortly.");
            return;
        }
        try {
            run(() -> {
                chain.doFilter(request, response);
                return null;
            });
        } finally {
            running.release();
        }
    }

    /** Runs {@code query} on one of {@link #threads}; the request's thread waits for it. */
    private void run(Callable<Void> query) throws IOException, ServletException {
        try {
            NicedThreads.call(threads, query);
        } catch (InterruptedException e) {
            throw new IOException("interrupted while the query ran", e);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** A query to run, not the service description a bare GET gets, nor a preflight. */
    private static boolean hasQuery(HttpServletRequest req) {
        String m = req.getMethod();
        return m.equals("POST") || (m.equals("GET") || m.equals("HEAD")) && req.getQueryString() != null && !req.getQueryString().isEmpty();
    }

    /** True when the heap still in use after the last collection exceeds {@link #HEADROOM} of its maximum. */
    boolean heapFull() {
        long max = Runtime.getRuntime().maxMemory(), live = 0;
        if (max == Long.MAX_VALUE)
            return false;
        for (MemoryPoolMXBean p : heap) {
            MemoryUsage after = p.getCollectionUsage();
            if (after != null)
                live += after.getUsed();
        }
        return live > HEADROOM * max;
    }

    private static void refuse(HttpServletResponse resp, String why) throws IOException {
        resp.setHeader("Retry-After", RETRY_SECONDS);
        Http.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, why + "\n");
    }
}
