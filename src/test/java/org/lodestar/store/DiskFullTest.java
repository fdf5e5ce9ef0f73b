package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failures a full disk causes in TDB2 are told from others (the messages are the JVM's and the kernel's). */
class DiskFullTest {
    @Test
    void aFaultInAMappedFileOrNoSpaceIsAFullDisk() {
        InternalError sigbus = new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code");
        assertTrue(DiskFull.reason(sigbus).isPresent());
        assertTrue(DiskFull.reason(new RuntimeException("journal", new UncheckedIOException(new IOException("No space left on device")))).isPresent());
        assertEquals(Optional.of("a file reached its size limit"), DiskFull.reason(new UncheckedIOException(new IOException("File too large"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertEquals(Optional.empty(), DiskFull.reason(new IllegalStateException("Not in a transaction")));
        assertEquals(Optional.empty(), DiskFull.reason(new InternalError("something else")));
        assertEquals(Optional.empty(), DiskFull.reason(new UncheckedIOException(new IOException("Permission denied"))));
    }
}
