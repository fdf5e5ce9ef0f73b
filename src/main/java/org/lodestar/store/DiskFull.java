package org.lodestar.store;

import java.io.IOException;
import java.util.Optional;

/**
 * Tells a write that failed for want of room from any other failure. TDB2 maps its files into
 * memory: when the disk fills while a mapped page is written, the JVM reports the kernel's SIGBUS
 * as an {@link InternalError} ("a fault occurred in a recent unsafe memory access operation")
 * from deep inside the B+ tree, and a journal or file write as an {@link IOException} ("No space
 * left on device", or "File too large" past a file size limit). Either way the write transaction
 * never commits, so the data stays as it was; what the user needs is one line that says so.
 */
public final class DiskFull {
    private DiskFull() {}

    /** What ran out, when {@code failure} (or a cause of it) is a write that found no room; else empty. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof InternalError && m.contains("unsafe memory access"))
                return Optional.of("a memory-mapped database file could not grow (the disk is full)");
            if (t instanceof IOException && (m.contains("No space left on device") || m.contains("File too large")
                    || m.contains("Disk quota exceeded")))
                return Optional.of(m.contains("File too large") ? "a file reached its size limit" : "the disk is full");
        }
        return Optional.empty();
    }
}
