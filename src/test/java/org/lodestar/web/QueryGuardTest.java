package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Queries beyond the guard's places are refused with 503 and Retry-After; one that finds a place runs. */
class QueryGuardTest {
    @Test
    void aQueryBeyondThePlacesIsRefusedWithRetryAfter() throws Exception {
        QueryGuard guard = new QueryGuard(1);
        CountDownLatch running = new CountDownLatch(1), release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                guard.doFilter(request("POST"), response(new ConcurrentHashMap<>()), (FilterChain) (rq, rs) -> {
                    running.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        first.start();
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Map<String, Object> second = new ConcurrentHashMap<>();
        boolean[] ran = {false};
        guard.doFilter(request("POST"), response(second), (rq, rs) -> ran[0] = true);
        assertFalse(ran[0], "a second query ran beside the only place");
        assertEquals(503, second.get("status"));
        assertEquals(QueryGuard.RETRY_SECONDS, second.get("Retry-After"));
        release.countDown();
        first.join();
        Map<String, Object> third = new ConcurrentHashMap<>();
        guard.doFilter(request("POST"), response(third), (rq, rs) -> ran[0] = true);
        assertTrue(ran[0], "the place was not given back");
        assertFalse(third.containsKey("status"));
    }

    @Test
    void admitsTwiceTheCoresAtLeastFour() {
        assertEquals(4, QueryGuard.permitsFor(1));
        assertEquals(4, QueryGuard.permitsFor(2));
        assertEquals(32, QueryGuard.permitsFor(16));
        assertEquals(QueryGuard.permitsFor(Runtime.getRuntime().availableProcessors()), QueryGuard.forThisMachine().permits());
    }

    /** The pages keep their cores: a query runs on a thread below the request's CPU priority, and its exceptions reach the caller. */
    @Test
    void aQueryRunsBelowThePagesPriority() throws Exception {
        QueryGuard guard = new QueryGuard(1);
        int[] nice = {Integer.MIN_VALUE};
        String[] thread = {null};
        guard.doFilter(request("POST"), response(new ConcurrentHashMap<>()), (rq, rs) -> {
            thread[0] = Thread.currentThread().getName();
            nice[0] = NicedThreads.nice();
        });
        assertTrue(thread[0].startsWith("lodestar-query-"), thread[0]);
        assertTrue(nice[0] >= Math.min(19, NicedThreads.nice() + 1), "the query ran at nice " + nice[0] + ", the request at " + NicedThreads.nice());
        java.io.IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () ->
                guard.doFilter(request("POST"), response(new ConcurrentHashMap<>()), (rq, rs) -> { throw new java.io.IOException("client went away"); }));
        assertEquals("client went away", thrown.getMessage());
    }

    /** A query that finds no place waits a little, then is refused: it must not hold a server thread for seconds. */
    @Test
    void aRefusedQueryWaitsOnlyBriefly() throws Exception {
        QueryGuard guard = new QueryGuard(0);
        Map<String, Object> seen = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        guard.doFilter(request("POST"), response(seen), (rq, rs) -> { });
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, seen.get("status"));
        assertTrue(waited >= QueryGuard.WAIT_MILLIS, "refused after " + waited + " ms, before waiting for a place");
        assertTrue(QueryGuard.WAIT_MILLIS <= 500, "a waiting query holds one of Jetty's threads: " + QueryGuard.WAIT_MILLIS + " ms");
    }

    @Test
    void theServiceDescriptionIsNotAQuery() throws Exception {
        QueryGuard guard = new QueryGuard(0);
        boolean[] ran = {false};
        guard.doFilter(request("GET"), response(new ConcurrentHashMap<>()), (rq, rs) -> ran[0] = true);
        assertTrue(ran[0]);
    }

    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(QueryGuardTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> null;
                    default -> null;
                });
    }

    private static HttpServletResponse response(Map<String, Object> seen) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) {}
            @Override public void write(int b) { body.write(b); }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(QueryGuardTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> seen.put("status", a[0]);
                        case "setHeader" -> seen.put((String) a[0], a[1]);
                        case "getOutputStream" -> { return out; }
                        default -> { }
                    }
                    return null;
                });
    }
}
