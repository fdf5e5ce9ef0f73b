package org.lodestar.replica;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The writer's side: watches every write transaction of the store ({@code KnowledgeStore#publishing})
 * and, when one commits, publishes what it added and deleted as one RDF Patch record, then lets
 * TDB2 commit. The order is the point:
 * <ol>
 * <li>the record is sent and acknowledged by every in-sync replica of the topic ({@code acks=all},
 *     an idempotent producer, so a retry is not written twice) while TDB2's transaction is still
 *     open;</li>
 * <li>the offset Kafka gave it is written into the same transaction ({@link LogPosition});</li>
 * <li>then TDB2 commits. A failure at 1 (no broker, a timeout) aborts the transaction, so the
 *     writer's data stays as it was and the build fails with one line.</li>
 * </ol>
 * What is left is a record that Kafka took but whose TDB2 commit did not happen (a crash between
 * 1 and 3, or an acknowledgement lost on the way back). Such a record is past the writer's
 * position: before each publish the log's end must be the writer's position, and on opening the
 * writer applies the records past it, as a replica does, so the writer and every replica end with
 * the same change, once. This also stops a second writer on the same topic: its position would
 * be behind the log's end.
 *
 * <p>Transactions are per thread in TDB2, and so are the changes collected here; a transaction that
 * changed nothing publishes nothing.
 */
public final class PatchPublisher implements RDFChanges, AutoCloseable {
    private final PatchTopic topic;
    private final DatasetGraph dataset;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;
    private final ThreadLocal<Open> open = new ThreadLocal<>();
    /** What was asked of Kafka last, for the message when it does not answer. */
    private volatile String stage = "connecting";
    /** Longer than the clients' own timeout, so that their exception, which says why, comes first. */
    private static final long WAIT = PatchTopic.TIMEOUT_MS + 2_000;

    private static final class Open {
        final RDFChangesCollector changes = new RDFChangesCollector();
        long rows;
    }

    private PatchPublisher(PatchTopic topic, DatasetGraph dataset) {
        this.topic = topic;
        this.dataset = dataset;
        Properties p = topic.client();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(PatchTopic.MAX_RECORD_BYTES));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(PatchTopic.TIMEOUT_MS));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(PatchTopic.TIMEOUT_MS));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(topic.client());
    }

    /**
     * Connects to the log (making the topic if there is none) and applies to {@code dataset} any
     * record past its position (a publish whose commit did not happen).
     *
     * @throws PublishFailedException when no broker answers
     */
    public static PatchPublisher open(PatchTopic topic, DatasetGraph dataset) {
        PatchPublisher p = new PatchPublisher(topic, dataset);
        try {
            p.ensureTopic();
            p.rollForward();
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private void ensureTopic() {
        stage = "asking for the brokers";
        int brokers = await(admin.describeCluster().nodes(), WAIT).size();
        short replication = (short) Math.min(3, brokers);
        NewTopic t = new NewTopic(topic.topic(), 1, replication).configs(Map.of(
                // the log is the history replicas start from: keep all of it
                "retention.ms", "-1", "retention.bytes", "-1",
                "max.message.bytes", Integer.toString(PatchTopic.MAX_RECORD_BYTES),
                // with three copies an acknowledged patch survives the loss of one broker
                "min.insync.replicas", replication >= 3 ? "2" : "1",
                "unclean.leader.election.enable", "false"));
        stage = "making the topic";
        try {
            await(admin.createTopics(List.of(t)).all(), WAIT);
        } catch (PublishFailedException e) {
            if (!(e.getCause() instanceof TopicExistsException))
                throw e;
        }
    }

    /**
     * The offset the next record will get. A topic just made, or one whose leader just died, is
     * unknown to some brokers for a moment: what Kafka calls retriable is asked again until
     * {@link #WAIT} has passed.
     */
    private long end() {
        stage = "asking for the log's end";
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        while (true) {
            try {
                return await(admin.listOffsets(Map.of(topic.partition(), OffsetSpec.latest())).partitionResult(topic.partition()), WAIT)
                        .offset();
            } catch (PublishFailedException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline)
                    throw e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(e);
            }
        }
    }

    private void rollForward() {
        long end = end();
        long from = Txn.calculateRead(dataset, () -> LogPosition.next(dataset));
        if (from >= end)
            return;
        try (KafkaConsumer<byte[], byte[]> consumer = Replica.consumer(topic, null)) {
            consumer.assign(List.of(topic.partition()));
            consumer.seek(topic.partition(), from);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PatchTopic.TIMEOUT_MS * 3L);
            while (from < end && System.nanoTime() < deadline)
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(java.time.Duration.ofMillis(500))) {
                    Txn.executeWrite(dataset, () -> Patches.apply(dataset, r.offset(), r.value()));
                    from = r.offset() + 1;
                }
        }
        if (from < end)
            throw new PublishFailedException(topic + " holds changes from offset " + from + " that this database lacks and could not be read", null);
    }

    /** What {@code future} gives within {@code millis}; its failure, a timeout or an interrupt is the broker out of reach. */
    private <T> T await(Future<T> future, long millis) {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private PublishFailedException unreachable(Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        return new PublishFailedException("no Kafka broker of " + topic + " answered (" + stage + ": " + why.lines().findFirst().orElse("")
                + "); nothing was published and the database was not changed", cause);
    }

    @Override
    public void txnBegin() {
        Open o = new Open();
        o.changes.txnBegin();
        open.set(o);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Open t = open.get();
        if (t != null) {
            t.changes.add(g, s, p, o);
            t.rows++;
        }
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Open t = open.get();
        if (t != null) {
            t.changes.delete(g, s, p, o);
            t.rows++;
        }
    }

    /** Runs inside the write transaction, before TDB2 commits; a failure here aborts it. */
    @Override
    public void txnCommit() {
        Open t = open.get();
        open.remove();
        if (t == null || t.rows == 0)
            return;
        t.changes.txnCommit();
        byte[] record = Patches.bytes(t.changes.getRDFPatch());
        long position = LogPosition.next(dataset), end = end();
        if (end != position)
            throw new PublishFailedException(topic + " ends at offset " + end + " but this database is at " + position
                    + " (another writer, or a change not yet applied here: restart this writer to apply it);"
                    + " nothing was published and the database was not changed", null);
        stage = "sending the patch";
        RecordMetadata sent = await(producer.send(new ProducerRecord<>(topic.topic(), 0, null, record)), WAIT * 2L);
        // past the monitor (dataset is TDB2 itself), in the transaction about to commit
        LogPosition.set(dataset, sent.offset() + 1);
    }

    @Override
    public void txnAbort() { open.remove(); }

    @Override public void header(String field, Node value) {}
    @Override public void addPrefix(Node gn, String prefix, String uriStr) {}
    @Override public void deletePrefix(Node gn, String prefix) {}
    @Override public void segment() {}
    @Override public void start() {}
    @Override public void finish() {}

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(2));
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
