package org.lodestar.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small slice of {@code trials crash} and {@code trials update} in {@code mvn verify}: real
 * {@code build} and {@code serve} child processes killed with SIGKILL, then the data must be
 * exactly the old or exactly the new, each update whole or absent, the next build must succeed,
 * and the server must send descriptions that are the data's. A build that wrote outside one
 * transaction (checked by hand: committing the seed graphs before the derivation) fails it.
 */
class CrashSliceTest {
    @Test
    void buildsKilledAtRandomLeaveTheOldDataOrTheNew(@TempDir Path work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CrashTrial trial = new CrashTrial(new CrashTrial.Settings(3, 80, 7, 3, 10, false), work,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        List<String> failures = trial.run();
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), failures, said);
        assertEquals(3, trial.kills().size(), said);
        assertTrue(trial.kills().stream().allMatch(k -> k.held().equals("old") || k.held().equals("new")), said);
    }

    @Test
    void updatesKilledAtRandomAreWholeOrAbsent(@TempDir Path work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        UpdateTrial trial = new UpdateTrial(1, 60, 11, work, new PrintStream(log, true, StandardCharsets.UTF_8));
        List<String> failures = trial.run();
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of(), failures, said);
        assertTrue(trial.applied() > 0, "no update reached the data:\n" + said);
    }
}
