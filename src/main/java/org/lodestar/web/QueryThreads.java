package org.lodestar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads SPARQL queries run on, each at a lower CPU priority ({@link #NICE}) than the threads
 * that serve entity pages. A query over the whole graph holds a core until the timeout; on two
 * cores a few of them starve the pages, and refusing them instead would also refuse the cheap
 * queries behind them. At a lower priority they take only the CPU the pages leave. Linux gives
 * each thread a nice value of its own, so renicing the thread's id changes that thread alone
 * (increasing it needs no privilege). Where that cannot be done (another system, no
 * {@code renice}), queries run at the normal priority and the server says so once.
 */
final class QueryThreads implements ThreadFactory {
    /** What {@code renice} sets: CFS gives a thread at 10 about a tenth of the CPU of one at 0. */
    static final int NICE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(QueryThreads.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(() -> {
            lower();
            r.run();
        }, "lodestar-query-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Lowers the calling thread's priority; false (and a warning, once) when it cannot. */
    static boolean lower() {
        String why;
        try {
            String tid = threadId();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
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
            LOG.warn("SPARQL queries run at the same CPU priority as pages ({}): an expensive query can slow pages down", why);
        return false;
    }

    /** The kernel's id of the calling thread: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    static String threadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    /** The calling thread's nice value, from field 19 of its {@code stat} (after the command's closing parenthesis). */
    static int nice() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
