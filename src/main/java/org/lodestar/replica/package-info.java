/**
 * Replicas fed by a log: a writer publishes each write transaction as one RDF Patch record on an
 * Apache Kafka topic ({@link org.lodestar.replica.PatchPublisher}), every replica applies the
 * records in order, each in one TDB2 write transaction that also records the record's offset
 * ({@link org.lodestar.replica.Replica}, {@link org.lodestar.replica.LogPosition}), and
 * {@link org.lodestar.replica.Broker} starts a Kafka broker in KRaft mode from the jar.
 * Design and the exactly-once argument: docs/replicas.md.
 */
package org.lodestar.replica;
