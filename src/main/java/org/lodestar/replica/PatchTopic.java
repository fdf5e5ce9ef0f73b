package org.lodestar.replica;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a patch log is: Kafka's bootstrap servers and the topic. The topic has one partition, so
 * that the patches keep the order the writer committed them in.
 */
public record PatchTopic(String bootstrap, String topic) {
    public static final String DEFAULT_TOPIC = "lodestar";
    /** A patch record may be this large (a first build of many pages is one transaction). */
    static final int MAX_RECORD_BYTES = 64 << 20;
    /** How long a client waits for a broker before it says none answers. */
    static final int TIMEOUT_MS = 10_000;

    TopicPartition partition() { return new TopicPartition(topic, 0); }

    /** The settings every client of the log shares. */
    Properties client() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_MS / 2));
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_MS));
        // a broker that is down is tried again soon, not after Kafka's growing back-off alone
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return p;
    }

    @Override
    public String toString() { return "topic " + topic + " at " + bootstrap; }
}
