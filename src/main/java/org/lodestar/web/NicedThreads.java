package org.lodestar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads at a lower CPU priority than the server's own, for the work that must not take the
 * cores from the cheap answers: SPARQL queries ({@link QueryGuard}, nice 10: one over the whole
 * graph holds a core until the timeout) and renders from the database ({@link RenderSlots}, nice
 * 5: a view costs a few queries, an answer from the documents file or the cache next to nothing).
 * Refusing that work instead would also refuse the cheap queries behind an expensive one; at a
 * lower priority it takes the CPU the cheap answers leave. Linux gives each thread a nice value
 * of its own, so renicing the thread's id changes that thread alone (raising it needs no
 * privilege). Where that cannot be done (another system, no {@code renice}), the work runs at the
 * normal priority and the server says so once.
 */
final class NicedThreads implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NicedThreads.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final String name;
    private final int nice;
    private final AtomicInteger count = new AtomicInteger();

    NicedThreads(String name, int nice) {
        this.name = name;
        this.nice = nice;
    }

    /**
     * {@code threads} threads that run what is submitted in order, made (and reniced) when needed
     * and gone when idle, so that a stopped server leaves none.
     */
    static ExecutorService pool(String name, int nice, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NicedThreads(name, nice));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Runs {@code task} on {@code pool} and waits for it: its answer, or what it threw (an
     * {@link Error} as it is). An interrupt of the waiting thread cancels the task.
     */
    static <T> T call(ExecutorService pool, Callable<T> task) throws Exception {
        Future<T> done = pool.submit(task);
        try {
            return done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err)
                throw err;
            throw e.getCause() instanceof Exception thrown ? thrown : e;
        }
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(() -> {
            lower(nice);
            r.run();
        }, name + "-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Sets the calling thread's nice value; false (and a warning, once) when it cannot. */
    static boolean lower(int nice) {
        String why;
        try {
            String tid = threadId();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0)
                return true;
            p.destroyForcibly();
            why = "renice did not succeed";
        } catch (IOException | UnsupportedOperationException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if (WARNED.compareAndSet(false, true))
            LOG.warn("queries and renders run at the server's own CPU priority ({}): an expensive query can slow every answer down", why);
        return false;
    }

    /** The kernel's id of the calling thread: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    static String threadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    /** The calling thread's nice value, from field 19 of its {@code stat} (after the command's closing parenthesis). */
    static int nice() throws IOException {
        return nice(Path.of("/proc/thread-self"));
    }

    /** The nice value of the thread whose {@code /proc} folder is {@code task}. */
    static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
