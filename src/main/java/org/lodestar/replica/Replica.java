package org.lodestar.replica;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only copy that follows the writer: reads the patch log from the database's own position
 * ({@link LogPosition}) and applies each record in one TDB2 write transaction that also moves the
 * position past it. Kafka's committed offsets of the consumer group are written after each commit
 * for monitoring (lag) only; where to read from is always the database's own position, so a crash
 * between the two costs nothing. Everything derived from the data follows by itself as after a
 * local write: data version and ETags are read from the data, the response cache and the stored
 * descriptions are keyed by the TDB2 commit, the search index by the data version.
 */
public final class Replica implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    private final PatchTopic topic;
    private final DatasetGraph dataset;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong applied = new AtomicLong();
    private final boolean grouped;
    private final PrintStream out;
    private Thread thread;

    /** {@code out} gets one line per patch applied (its offset and size): the replica's log of what it did. */
    public Replica(PatchTopic topic, DatasetGraph dataset, String group, PrintStream out) {
        this.topic = topic;
        this.out = out;
        this.dataset = dataset;
        this.consumer = consumer(topic, group);
        this.grouped = group != null;
        consumer.assign(List.of(topic.partition()));
        long from = Txn.calculateRead(dataset, () -> LogPosition.next(dataset));
        consumer.seek(topic.partition(), from);
        out.println("following " + topic + " from offset " + from);
    }

    static KafkaConsumer<byte[], byte[]> consumer(PatchTopic topic, String group) {
        Properties p = topic.client();
        if (group != null)
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(PatchTopic.MAX_RECORD_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(PatchTopic.MAX_RECORD_BYTES));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Applies what the log holds now, before the server starts (so that it starts from the writer's
     * data), for at most {@code patience}; a log that cannot be reached is not an error: the
     * replica serves what it has and goes on trying in {@link #start}.
     *
     * @return the number of patches applied
     */
    public long catchUp(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long end;
        try {
            end = consumer.endOffsets(List.of(topic.partition()), patience).get(topic.partition());
        } catch (RuntimeException e) {
            LOG.warn("{} could not be reached ({}); serving the data as it is and trying again", topic, e.getMessage());
            return 0;
        }
        long before = applied.get();
        while (consumer.position(topic.partition()) < end && System.nanoTime() < deadline)
            poll(Duration.ofMillis(500));
        return applied.get() - before;
    }

    /** Follows the log on a thread of its own until {@link #close}. */
    public Replica start() {
        thread = new Thread(() -> {
            try {
                while (running.get())
                    poll(Duration.ofSeconds(1));
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                // a patch that does not apply must not be skipped: stop, and say so
                LOG.error("replica of {} stopped at offset {}: {}", topic,
                        Txn.calculateRead(dataset, () -> LogPosition.next(dataset)), e.toString());
            }
        }, "lodestar-replica");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void poll(Duration wait) {
        long last = -1;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
            if (Txn.calculateWrite(dataset, () -> Patches.apply(dataset, r.offset(), r.value()))) {
                applied.incrementAndGet();
                out.println("applied patch " + r.offset() + " (" + r.serializedValueSize() + " bytes) from " + topic);
            }
            last = r.offset();
        }
        if (last >= 0 && grouped)
            try {
                consumer.commitAsync(Map.of(topic.partition(), new OffsetAndMetadata(last + 1)), null);
            } catch (RuntimeException e) {
                // monitoring only
            }
    }

    /** Patches applied since this replica opened. */
    public long applied() { return applied.get(); }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        if (thread != null)
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        } catch (RuntimeException e) {
            // closing on a consumer in use by the thread that has not seen the wakeup yet
        }
    }
}
