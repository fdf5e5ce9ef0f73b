package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plain lines a long phase writes to a log: where it is, how fast it goes, how long it has left. */
class ProgressTest {
    @Test
    void aLogLineSaysTheCountTheRateAndTheTimeLeft() {
        Progress.LogLines lines = new Progress.LogLines("convert and check", 200_000, "pages");
        long started = System.nanoTime();
        // 50,000 pages 20 s after the start: 2,500 a second, 60 s left for the other 150,000
        String line = lines.line(50_000, started + 20_000_000_000L);
        assertTrue(line.startsWith("convert and check: 50,000 / 200,000 pages (25%), "), line);
        assertTrue(line.matches(".*, 2,[45]\\d\\d/s, about (59 s|1 min 0[01] s) left"), line);
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertEquals("42 s", Progress.LogLines.duration(42));
        assertEquals("3 min 05 s", Progress.LogLines.duration(185));
        assertEquals("2 h 01 min", Progress.LogLines.duration(7260));
    }
}
