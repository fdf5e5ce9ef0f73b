package org.lodestar.replica;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker in KRaft mode (broker and controller in one process), from the classes in the
 * jar: nothing is downloaded at run time. The log folder is formatted on first start with
 * Kafka's own storage tool; a cluster is several such brokers that name the same voters.
 *
 * @param nodeId         this broker's id, one of the voters'
 * @param port           the clients' port (PLAINTEXT, on {@code host})
 * @param controllerPort the controllers' port
 * @param voters         the controller quorum, {@code 1@127.0.0.1:9093,2@…}; all brokers of a cluster name the same
 */
public record Broker(Path dir, String host, int nodeId, int port, int controllerPort, String voters) {

    /** The number of voters, which is the number of brokers this sets the internal topics' copies for. */
    int size() { return voters.split(",").length; }

    /** Writes {@code DIR/server.properties} and formats {@code DIR/logs} if it is not yet; returns the file. */
    public Path prepare() throws IOException {
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toAbsolutePath().toString());
        String copies = Integer.toString(Math.min(3, size()));
        p.put("offsets.topic.replication.factor", copies);
        p.put("transaction.state.log.replication.factor", copies);
        p.put("transaction.state.log.min.isr", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", Integer.toString(PatchTopic.MAX_RECORD_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(PatchTopic.MAX_RECORD_BYTES));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("unclean.leader.election.enable", "false");
        // a broker that dies is fenced, and its partitions led by another, after 3 s instead of 9 s: well
        // inside the writer's 10 s wait for an acknowledgement
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "750");
        try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            p.store(w, "Lodestar broker " + nodeId + " (KRaft); written by `lodestar broker`");
        }
        if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int code = kafka.tools.StorageTool$.MODULE$.execute(new String[] {"format", "-t", clusterId(voters), "-c",
                    props.toString(), "--ignore-formatted"}, new PrintStream(said, true, StandardCharsets.UTF_8));
            if (code != 0)
                throw new IOException("formatting " + dir.resolve("logs") + " failed: " + said.toString(StandardCharsets.UTF_8).strip());
        }
        return props;
    }

    /** Runs the broker until the process is stopped (Kafka's own shutdown hook closes it cleanly). */
    public static void run(Path props) {
        kafka.Kafka.main(new String[] {props.toString()});
    }

    /** The same id for every broker of the cluster without passing one around: made from the voters. */
    static String clusterId(String voters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(voters.getBytes(StandardCharsets.UTF_8));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Arrays.copyOf(digest, 16));
            return new Uuid(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
