package org.lodestar.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.lodestar.replica.PatchTopic;

/**
 * The replication options: {@code --publish BOOTSTRAP} (a writer: every build goes out as an RDF
 * Patch), {@code --replica-of BOOTSTRAP} (a read-only copy that applies them), {@code --topic T},
 * {@code --snapshot SOURCE} (what an empty replica starts from).
 *
 * @param publish   the log a writer publishes to; null when it does not
 * @param replicaOf the log a replica follows; null for a server of its own data
 * @param snapshot  N-Quads or TriG file or URL an empty replica is loaded from first; null for none
 */
record Replication(PatchTopic publish, PatchTopic replicaOf, String snapshot) {
    static final Replication NONE = new Replication(null, null, null);

    static Options options(Options options, boolean serve) {
        options.addOption(Option.builder().longOpt("publish").hasArg().argName("BOOTSTRAP")
                        .desc("publish every change as an RDF Patch to Kafka at BOOTSTRAP (host:port,…), for replicas; a change that cannot be published is not made").get())
                .addOption(Option.builder().longOpt("topic").hasArg().argName("T").desc("the Kafka topic of the changes (default " + PatchTopic.DEFAULT_TOPIC + ")").get());
        if (serve)
            options.addOption(Option.builder().longOpt("replica-of").hasArg().argName("BOOTSTRAP")
                            .desc("serve a read-only replica that applies the changes published to Kafka at BOOTSTRAP").get())
                    .addOption(Option.builder().longOpt("snapshot").hasArg().argName("SOURCE")
                            .desc("with --replica-of and an empty database: load this N-Quads/TriG file or URL (a writer's /kg/get) first").get());
        return options;
    }

    static Replication of(CommandLine line) throws UsageException {
        String topic = line.getOptionValue("topic", PatchTopic.DEFAULT_TOPIC);
        if (!topic.matches("[A-Za-z0-9._-]{1,249}"))
            throw new UsageException("--topic: '" + topic + "' is not a Kafka topic name (letters, digits, . _ -)");
        String publish = bootstrap(line, "publish"), replica = bootstrap(line, "replica-of");
        if (publish != null && replica != null)
            throw new UsageException("only one of --publish and --replica-of");
        if (line.hasOption("snapshot") && replica == null)
            throw new UsageException("--snapshot is for a replica: give --replica-of too");
        if (line.hasOption("topic") && publish == null && replica == null)
            throw new UsageException("--topic needs --publish or --replica-of");
        if (line.hasOption("passwd") && replica != null)
            throw new UsageException("--passwd: a replica is read only (updates go to the writer)");
        if (line.hasOption("mem") && (publish != null || replica != null))
            throw new UsageException("--mem: a writer or replica keeps its position in the log with its data: give --db");
        return new Replication(publish == null ? null : new PatchTopic(publish, topic),
                replica == null ? null : new PatchTopic(replica, topic), line.getOptionValue("snapshot"));
    }

    private static String bootstrap(CommandLine line, String option) throws UsageException {
        String v = line.getOptionValue(option);
        if (v != null && !v.matches("[^,:\\s]+:\\d{1,5}(,[^,:\\s]+:\\d{1,5})*"))
            throw new UsageException("--" + option + ": '" + v + "' is not a list of host:port");
        return v;
    }
}
