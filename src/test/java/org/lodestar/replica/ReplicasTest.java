package org.lodestar.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;
import org.lodestar.cli.Main;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * A writer and replicas on loopback, with real processes: a Kafka broker in a JVM of its own
 * ({@code lodestar broker}), replicas as child processes ({@code serve --replica-of}, killed with
 * -9 where the test says so), the writer's builds in this JVM ({@code build --publish}). Every
 * comparison is of the whole dataset (all named graphs, the log position among them, compared as
 * isomorphic since the data has blank nodes), of answers and of ETags.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240)
class ReplicasTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern APPLIED = Pattern.compile("applied patch (\\d+) ");
    private static final Pattern FOLLOWING = Pattern.compile("following .+? from offset (\\d+)");

    @TempDir
    static Path dir;
    static Path seeds, writer;
    static String bootstrap;
    static Child broker;
    static Path brokerDir;
    static int brokerPort, controllerPort;
    static final List<Child> replicas = new ArrayList<>();
    static final List<Integer> ports = new ArrayList<>();
    static int edits;

    @BeforeAll
    static void start() throws Exception {
        seeds = TestSeeds.copy(dir);
        writer = dir.resolve("writer/tdb2");
        brokerDir = dir.resolve("kafka");
        brokerPort = Child.freePort();
        controllerPort = Child.freePort();
        bootstrap = "127.0.0.1:" + brokerPort;
        startBroker();
        assertEquals(0, build().code, "the first build, published");
        for (int i = 0; i < 3; i++)
            replicas.add(replica("replica" + i, dir.resolve("replica" + i + "/tdb2")));
        for (Child r : replicas)
            ports.add(r.port(PATIENCE));
    }

    static void startBroker() throws Exception {
        broker = Child.start("broker", dir, "384m", "broker", "--dir", brokerDir.toString(), "--port", Integer.toString(brokerPort),
                "--controller-port", Integer.toString(controllerPort));
        broker.listening(brokerPort, PATIENCE);
    }

    static Child replica(String name, Path db, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--replica-of", bootstrap, "--db", db.toString(), "--port", "0",
                "--similarity", "imported", "--cache", "8"));
        args.addAll(List.of(more));
        return Child.start(name, dir, "512m", args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Child r : replicas)
            r.close();
        if (broker != null)
            broker.close();
    }

    record Run(int code, String err) {}

    /** {@code build --publish} on the writer, in this JVM. */
    static Run build() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--seeds", seeds.toString(), "--db", writer.toString(), "--similarity", "imported",
                "--publish", bootstrap}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    /** A curator's edit: a new description (the page's fourth line) for one page. */
    static void edit() throws Exception {
        Path page = seeds.resolve("concept-compliance-gap.txt");
        String before = Files.readString(page);
        Files.writeString(page, before.replace(before.lines().skip(3).findFirst().orElseThrow(), "Edited description number " + (++edits)));
    }

    static DatasetGraph writerData() {
        DatasetGraph store = KnowledgeStore.open(writer).dataset(), copy = DatasetGraphFactory.create();
        Txn.executeRead(store, () -> store.find().forEachRemaining(copy::add));
        return copy;
    }

    static DatasetGraph replicaData(int port) {
        DatasetGraph copy = DatasetGraphFactory.create();
        RDFParser.source("http://127.0.0.1:" + port + "/kg/get").lang(Lang.NQUADS).acceptHeader("application/n-quads").parse(copy);
        return copy;
    }

    static void awaitSame(int port, DatasetGraph expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!IsoMatcher.isomorphic(expected, replicaData(port))) {
            assertTrue(System.nanoTime() < deadline, "replica on port " + port + " did not reach the writer's data");
            Thread.sleep(300);
        }
    }

    static HttpResponse<String> get(int port, String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static final List<String[]> ASKED = List.of(
            new String[] {"/doc/concept/compliance-gap.ttl", "text/turtle"},
            new String[] {"/doc/concept/alignment-faking", "application/ld+json"},
            new String[] {"/view/concept/compliance-gap.json", "application/json"},
            new String[] {"/.well-known/void", "text/turtle"});

    /** Body and ETag of each of {@link #ASKED}. */
    static List<String> answers(int port) throws Exception {
        List<String> all = new ArrayList<>();
        for (String[] a : ASKED) {
            HttpResponse<String> r = get(port, a[0], a[1]);
            assertEquals(200, r.statusCode(), a[0]);
            all.add(a[0] + " " + r.headers().firstValue("ETag").orElse("no ETag") + "\n" + r.body());
        }
        return all;
    }

    @Test
    @Order(1)
    void aBuildOnTheWriterIsServedByEveryReplicaWithTheSameAnswersAndETags() throws Exception {
        edit();
        assertEquals(0, build().code);
        DatasetGraph expected = writerData();
        for (int port : ports)
            awaitSame(port, expected);
        // the writer served from its own database, as it would be after the build, and publishing its updates
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: secret\n");
        ServerSettings settings = new ServerSettings(0, writer, seeds, "http://localhost:8080/", passwd, 10_000);
        KnowledgeStore store = KnowledgeStore.open(writer);
        try (PatchPublisher publisher = PatchPublisher.open(new PatchTopic(bootstrap, PatchTopic.DEFAULT_TOPIC), store.dataset())) {
            FusekiServer server = LodestarServer.start(settings, store.publishing(publisher));
            try {
                List<String> theWriters = answers(server.getHttpPort());
                assertTrue(theWriters.get(0).contains("Edited description number " + edits), theWriters.get(0));
                for (int port : ports)
                    assertEquals(theWriters, answers(port), "replica on " + port);
                // a replica has no update endpoint: updates go to the writer
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(0) + "/kg/update"))
                        .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(4, refused.statusCode() / 100, refused.body());
                // an authenticated SPARQL update on the writer reaches every replica too
                HttpResponse<String> updated = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort() + "/kg/update"))
                        .header("Content-Type", "application/sparql-update")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("curator:secret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(2, updated.statusCode() / 100, updated.body());
                DatasetGraph after = writerData();
                assertFalse(IsoMatcher.isomorphic(expected, after), "the update changed nothing");
                for (int port : ports)
                    awaitSame(port, after);
                theWriters = answers(server.getHttpPort());
                assertTrue(theWriters.get(0).contains("Described by an update"), theWriters.get(0));
                for (int port : ports)
                    assertEquals(theWriters, answers(port), "replica on " + port + " after the update");
            } finally {
                server.stop();
            }
        }
    }

    /** A curator's update: a new description for Compliance Gap, in the graph that holds it. */
    static final String UPDATE = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            DELETE { GRAPH ?g { ?e dcterms:description ?d } }
            INSERT { GRAPH ?g { ?e dcterms:description "Described by an update" } }
            WHERE { BIND(<http://localhost:8080/id/concept/compliance-gap> AS ?e) GRAPH ?g { ?e dcterms:description ?d } }
            """;

    @Test
    @Order(2)
    void aReplicaKilledDuringAStreamOfChangesCatchesUpWithNothingLostOrDoubled() throws Exception {
        Child victim = replicas.get(2);
        for (int i = 0; i < 4; i++) {
            edit();
            assertEquals(0, build().code);
            if (i == 1)
                victim.kill9(); // while it may be applying the second change
        }
        Child again = replica("replica2", dir.resolve("replica2/tdb2"));
        replicas.set(2, again);
        ports.set(2, again.port(PATIENCE));
        DatasetGraph expected = writerData();
        for (int port : ports)
            awaitSame(port, expected);
        // each patch applied once, across both lives of the replica, and none left out. The second
        // life starts where the database says the first one stopped; the first life's own log may
        // lack its last line, when the kill came between a patch's commit and its printed line.
        List<Long> before = appliedBy(victim), after = appliedBy(again);
        Matcher from = FOLLOWING.matcher(again.output());
        assertTrue(from.find(), again.output());
        long restart = Long.parseLong(from.group(1));
        long end = Txn.calculateRead(KnowledgeStore.open(writer).dataset(), () -> LogPosition.next(KnowledgeStore.open(writer).dataset()));
        assertEquals(before.size(), new HashSet<>(before).size(), "a patch applied twice: " + before);
        assertTrue(before.stream().allMatch(o -> o < restart), "applied again after the restart at " + restart + ": " + before);
        List<Long> rest = new ArrayList<>();
        for (long offset = restart; offset < end; offset++)
            rest.add(offset);
        assertEquals(rest, after, "the second life, from offset " + restart);
        List<Long> unlogged = new ArrayList<>();
        for (long offset = 0; offset < restart; offset++)
            if (!before.contains(offset))
                unlogged.add(offset);
        assertTrue(unlogged.isEmpty() || unlogged.equals(List.of(restart - 1)),
                "patches before " + restart + " neither logged nor cut off by the kill: " + unlogged + " of " + before);
    }

    private static List<Long> appliedBy(Child replica) throws java.io.IOException {
        List<Long> applied = new ArrayList<>();
        Matcher m = APPLIED.matcher(replica.output());
        while (m.find())
            applied.add(Long.parseLong(m.group(1)));
        return applied;
    }

    @Test
    @Order(3)
    void aNewReplicaStartsFromASnapshotAndCatchesUpFromItsOffset() throws Exception {
        String snapshot = "http://127.0.0.1:" + ports.get(0) + "/kg/get";
        long taken = Txn.calculateRead(KnowledgeStore.open(writer).dataset(), () -> LogPosition.next(KnowledgeStore.open(writer).dataset()));
        Child fresh = replica("replica3", dir.resolve("replica3/tdb2"), "--snapshot", snapshot);
        replicas.add(fresh);
        int port = fresh.port(PATIENCE);
        ports.add(port);
        edit();
        assertEquals(0, build().code);
        awaitSame(port, writerData());
        List<Long> applied = appliedBy(fresh);
        // the log before the snapshot's position came with the snapshot, not from the topic
        assertTrue(taken > 1, "the writer had published " + taken);
        assertEquals(List.of(taken), applied, fresh.output());
    }

    @Test
    @Order(4)
    void withEveryBrokerDownReplicasServeAndTheWritersBuildFailsLeavingItsDataAsItWas() throws Exception {
        List<String> before = answers(ports.get(0));
        List<String> etags = etags(before);
        // a writer connected while the broker was up, which loses it before its build commits
        KnowledgeStore store = KnowledgeStore.open(writer);
        PatchPublisher publisher = PatchPublisher.open(new PatchTopic(bootstrap, PatchTopic.DEFAULT_TOPIC), store.dataset());
        store.publishing(publisher);
        broker.kill9();
        // the replicas fed patch by patch answer byte for byte as before; the one loaded from a
        // snapshot holds the same data under the same ETags, but TDB2 numbered its nodes in the
        // snapshot's order, and JSON-LD and the service description list keys in that order
        for (int port : ports.subList(0, 3))
            assertEquals(before, answers(port), "replica on " + port + " with the broker down");
        assertEquals(etags, etags(answers(ports.get(3))), "the replica from a snapshot");
        assertEquals(before.get(0), answers(ports.get(3)).get(0), "the replica from a snapshot: Turtle");
        DatasetGraph data = writerData();
        edit();
        try (publisher) {
            SeedBuild build = new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris("http://localhost:8080/")), false);
            PublishFailedException e = assertThrows(PublishFailedException.class, () -> build.run(store, SeedFiles.folder(seeds)));
            assertTrue(e.getMessage().startsWith("no Kafka broker of topic lodestar at " + bootstrap), e.getMessage());
        }
        assertTrue(IsoMatcher.isomorphic(data, writerData()), "the build that could not publish at its commit changed the writer's data");
        Run failed = build();
        assertEquals(1, failed.code, failed.err);
        List<String> lines = failed.err.lines().toList();
        assertEquals(1, lines.size(), failed.err);
        assertTrue(lines.get(0).startsWith("build failed: no Kafka broker of topic lodestar at " + bootstrap), lines.get(0));
        assertTrue(IsoMatcher.isomorphic(data, writerData()), "the failed build changed the writer's data");
        for (int port : ports)
            assertTrue(IsoMatcher.isomorphic(data, replicaData(port)), "replica on " + port);
    }

    static List<String> etags(List<String> answers) {
        return answers.stream().map(a -> a.lines().findFirst().orElseThrow()).toList();
    }
}
