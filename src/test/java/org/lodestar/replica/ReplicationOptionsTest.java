package org.lodestar.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.cli.Main;

/** The replication options are checked before anything opens: one line naming the option, exit 2, no database made. */
class ReplicationOptionsTest {
    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, said);
        List<String> lines = said.lines().filter(l -> !l.startsWith("Try ")).toList();
        assertEquals(1, lines.size(), said);
        assertTrue(lines.get(0).contains(expected), said);
        assertFalse(Files.exists(dir.resolve("db")), "a refused command made the database");
    }

    @Test
    void badReplicationOptionsAreOneLineAndMakeNothing() throws Exception {
        String db = dir.resolve("db").toString();
        Path passwd = Files.writeString(dir.resolve("passwd"), "curator: secret\n");
        refused("only one of --publish and --replica-of", "serve", "--db", db, "--publish", "127.0.0.1:9092", "--replica-of", "127.0.0.1:9092");
        refused("--publish: 'nowhere' is not a list of host:port", "build", "--db", db, "--publish", "nowhere");
        refused("--replica-of: '127.0.0.1' is not a list of host:port", "serve", "--db", db, "--replica-of", "127.0.0.1");
        refused("--topic: 'a topic' is not a Kafka topic name", "serve", "--db", db, "--replica-of", "127.0.0.1:9092", "--topic", "a topic");
        refused("--topic needs --publish or --replica-of", "build", "--db", db, "--topic", "t");
        refused("--snapshot is for a replica", "serve", "--db", db, "--snapshot", "x.nq");
        refused("--passwd: a replica is read only", "serve", "--db", db, "--replica-of", "127.0.0.1:9092", "--passwd", passwd.toString());
        refused("--mem: a writer or replica keeps its position", "serve", "--mem", "--publish", "127.0.0.1:9092");
        refused("--voters: 1@127.0.0.1:9093 does not name --node-id 2", "broker", "--dir", db, "--node-id", "2",
                "--voters", "1@127.0.0.1:9093");
    }
}
