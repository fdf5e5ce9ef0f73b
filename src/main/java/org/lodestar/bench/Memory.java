package org.lodestar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: the kernel's high-water mark of resident memory (VmHWM in
 * /proc/self/status), and the largest heap in use, sampled every 50 ms by a daemon thread from the
 * start of the run (a pool's own peak would count garbage the collector was about to free).
 */
final class Memory implements AutoCloseable {
    private volatile long peakHeap;
    private volatile boolean running = true;
    private final Thread sampler;

    Memory() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > peakHeap)
            peakHeap = used;
    }

    void record(Results r) {
        sample();
        r.put("peak_rss_mb", peakRssMb());
        r.put("peak_heap_mb", peakHeap / 1048576.0);
        r.put("heap_max_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** From /proc/self/status; null where there is no /proc (not Linux). */
    static Double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:"))
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure rather than a wrong one
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
