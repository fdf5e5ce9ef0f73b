package org.lodestar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: they mean little without it. */
final class Machine {
    private Machine() {}

    static Results describe() {
        return new Results()
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("cpu", procLine("/proc/cpuinfo", "model name"))
                .put("memory_mb", memTotalMb())
                .put("load_average", loadAverage())
                .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .put("heap_max_mb", Runtime.getRuntime().maxMemory() / 1048576)
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** Over the last minute: the machine is shared, and busy neighbours slow every figure down. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Long memTotalMb() {
        String kb = procLine("/proc/meminfo", "MemTotal");
        return kb == null ? null : Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024;
    }

    private static String procLine(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file)))
                if (line.startsWith(key))
                    return line.substring(line.indexOf(':') + 1).strip();
        } catch (IOException e) {
            // not Linux
        }
        return null;
    }
}
