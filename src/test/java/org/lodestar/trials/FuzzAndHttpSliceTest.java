package org.lodestar.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fast slice of {@code trials fuzz} and {@code trials http}, run by {@code mvn verify}: the
 * same code as the full trials, fewer cases. Any finding fails the build, with the trial's table.
 */
class FuzzAndHttpSliceTest {

    @Test
    void fuzzedPagesAreAcceptedOrRefusedWithTheirPlace() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        FuzzTrial.Settings s = new FuzzTrial.Settings(300, 7, 20_000, 0, Path.of("seeds"), 20, null, 0.1);
        List<String> findings = new FuzzTrial(s).run(new PrintStream(log, true, StandardCharsets.UTF_8));
        String table = log.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("total"), table);
        assertEquals(List.of(), findings, table);
    }

    @Test
    void hostileRequestsAreRefusedWithoutLeaks() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> findings = new HostileHttpTrial(new HostileHttpTrial.Settings(Path.of("seeds"), 1_000, 1))
                .run(new PrintStream(log, true, StandardCharsets.UTF_8));
        String table = log.toString(StandardCharsets.UTF_8);
        for (HostileHttpTrial.Category c : HostileHttpTrial.Category.values())
            assertTrue(table.contains(c.name().toLowerCase()), c + " ran: " + table);
        assertEquals(List.of(), findings, table);
    }
}
