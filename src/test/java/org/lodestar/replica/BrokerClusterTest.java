package org.lodestar.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.cli.Main;
import org.lodestar.store.KnowledgeStore;

/**
 * Three brokers (child JVMs, one KRaft quorum) and a topic with three copies: the broker that leads
 * the topic killed with -9, the next build is published and reaches the replica, nothing lost; a
 * second broker killed, fewer copies than {@code min.insync.replicas}: the build fails and the
 * writer's data stays as it was.
 */
@Timeout(240)
class BrokerClusterTest {
    @TempDir
    Path dir;

    @Test
    void oneBrokerOfThreeKilledLosesNothingAndTwoStopTheWriter() throws Exception {
        Path seeds = TestSeeds.copy(dir), writer = dir.resolve("writer/tdb2");
        int[] ports = new int[3], controllers = new int[3];
        List<String> voters = new ArrayList<>(), clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports[i] = Child.freePort();
            controllers[i] = Child.freePort();
            voters.add((i + 1) + "@127.0.0.1:" + controllers[i]);
            clients.add("127.0.0.1:" + ports[i]);
        }
        String bootstrap = String.join(",", clients);
        List<Child> brokers = new ArrayList<>();
        Replica replica = null;
        try {
            for (int i = 0; i < 3; i++)
                brokers.add(Child.start("broker" + (i + 1), dir, "320m", "broker", "--dir", dir.resolve("kafka" + (i + 1)).toString(),
                        "--node-id", Integer.toString(i + 1), "--port", Integer.toString(ports[i]),
                        "--controller-port", Integer.toString(controllers[i]), "--voters", String.join(",", voters)));
            for (int i = 0; i < 3; i++)
                brokers.get(i).listening(ports[i], java.time.Duration.ofSeconds(90));
            PatchTopic topic = new PatchTopic(bootstrap, PatchTopic.DEFAULT_TOPIC);
            // the writer makes the topic with as many copies as brokers it sees (three at most): wait for all three
            try (Admin admin = Admin.create(topic.client())) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size() < 3) {
                    assertTrue(System.nanoTime() < deadline, "the three brokers did not form a cluster");
                    Thread.sleep(300);
                }
            }
            Run first = build(seeds, writer, bootstrap);
            assertEquals(0, first.code(), first.err());
            TopicDescription described;
            try (Admin admin = Admin.create(topic.client())) {
                described = admin.describeTopics(List.of(topic.topic())).allTopicNames().get(30, TimeUnit.SECONDS).get(topic.topic());
                assertEquals("2", admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic.topic()))).all().get(30, TimeUnit.SECONDS)
                        .values().iterator().next().get("min.insync.replicas").value());
            }
            assertEquals(3, described.partitions().get(0).replicas().size(), "copies of the topic");
            DatasetGraph copy = DatabaseMgr.createDatasetGraph();
            replica = new Replica(topic, copy, "cluster-test", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).start();

            int leader = described.partitions().get(0).leader().id();
            brokers.get(leader - 1).kill9();
            // a build in the seconds before another broker leads the topic fails as with no broker at all; wait for one
            try (Admin admin = Admin.create(topic.client())) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    var led = admin.describeTopics(List.of(topic.topic())).allTopicNames().get(30, TimeUnit.SECONDS)
                            .get(topic.topic()).partitions().get(0).leader();
                    if (led != null && led.id() != leader)
                        break;
                    assertTrue(System.nanoTime() < deadline, "no other broker took the lead of the topic");
                    Thread.sleep(300);
                }
            }
            edit(seeds, "After the leader died");
            Run second = build(seeds, writer, bootstrap);
            assertEquals(0, second.code(), second.err());
            awaitSame(copy, writer);

            int other = leader % 3 + 1;
            brokers.get(other - 1).kill9();
            DatasetGraph before = data(writer);
            edit(seeds, "With one broker left");
            Run third = build(seeds, writer, bootstrap);
            assertEquals(1, third.code(), third.err());
            assertTrue(third.err().startsWith("build failed: "), third.err());
            assertTrue(IsoMatcher.isomorphic(before, data(writer)), "a build that was not published changed the writer's data");
            assertTrue(IsoMatcher.isomorphic(before, data(copy)), "the replica");
        } finally {
            if (replica != null)
                replica.close();
            for (Child b : brokers)
                b.close();
        }
    }

    record Run(int code, String err) {}

    static Run build(Path seeds, Path db, String bootstrap) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--seeds", seeds.toString(), "--db", db.toString(), "--similarity", "imported",
                "--publish", bootstrap}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    static void edit(Path seeds, String text) throws Exception {
        Path page = seeds.resolve("concept-compliance-gap.txt");
        String before = Files.readString(page);
        Files.writeString(page, before.replace(before.lines().skip(3).findFirst().orElseThrow(), text));
    }

    static DatasetGraph data(Path db) {
        return data(KnowledgeStore.open(db).dataset());
    }

    static DatasetGraph data(DatasetGraph store) {
        DatasetGraph copy = DatasetGraphFactory.create();
        Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
        return copy;
    }

    static void awaitSame(DatasetGraph replica, Path writer) throws InterruptedException {
        DatasetGraph expected = data(writer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!IsoMatcher.isomorphic(expected, data(replica))) {
            assertTrue(System.nanoTime() < deadline, "the replica did not reach the writer's data");
            Thread.sleep(300);
        }
    }
}
