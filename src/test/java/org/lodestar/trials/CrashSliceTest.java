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
 * transaction fails it: the first kill falls just before the commit ({@code CommitHold}).
 */
class CrashSliceTest {
    @Test
    void buildsKilledAtRandomLeaveTheOldDataOrTheNew(@TempDir Path work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // two kills (withinWork): one in the write transaction with everything written, just before
        // its commit, where a build writing outside its transaction leaves neither old nor new; one
        // at random in what the build does after the JVM has started. Drawn over the whole build, as
        // the full trial does, most kills of a small build fell while the JVM started, touched
        // nothing, and cost a build each; none fell in the transaction, which lasts milliseconds
        CrashTrial trial = new CrashTrial(new CrashTrial.Settings(2, 60, 7, 2, 10, false, true), work,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        List<String> failures = trial.run();
        String said = log.toString(StandardCharsets.UTF_8);
        System.out.print(said); // where the kills fell and what they found, in the surefire report when it passes too
        assertEquals(List.of(), failures, said);
        assertEquals(2, trial.kills().size(), said);
        assertTrue(trial.kills().stream().allMatch(k -> k.held().equals("old") || k.held().equals("new")), said);
        assertTrue(trial.kills().stream().noneMatch(k -> k.phase().equals("start")),
                "every kill must fall after the build has begun its work:\n" + said);
        assertEquals("old", trial.kills().get(0).held(), "a kill before the commit must leave the old data:\n" + said);
    }

    @Test
    void updatesKilledAtRandomAreWholeOrAbsent(@TempDir Path work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        UpdateTrial trial = new UpdateTrial(1, 60, 11, work, new PrintStream(log, true, StandardCharsets.UTF_8));
        List<String> failures = trial.run();
        String said = log.toString(StandardCharsets.UTF_8);
        System.out.print(said);
        assertEquals(List.of(), failures, said);
        assertTrue(trial.applied() > 0, "no update reached the data:\n" + said);
    }
}
