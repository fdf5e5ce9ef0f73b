package org.lodestar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --sparql} refuses to start, with one line (exit 2) and within its timeouts, when
 * the store cannot serve: down, silent, or without a Lodestar dataset; and its options are checked
 * before anything is asked of the store.
 */
class ServeSparqlTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(new String[] {"serve", "--sparql", "http://localhost:1/sparql", "--db", "x"}, "only one of --sparql and --db"),
                Arguments.of(new String[] {"serve", "--sparql", "http://localhost:1/sparql", "--mem"}, "only one of --sparql and --mem"),
                Arguments.of(new String[] {"serve", "--sparql", "http://localhost:1/sparql", "--passwd", "pom.xml"}, "only one of --sparql and --passwd"),
                Arguments.of(new String[] {"serve", "--sparql", "ftp://example.org/sparql"}, "--sparql: 'ftp://example.org/sparql' is not an http(s) URL"),
                Arguments.of(new String[] {"serve", "--sparql-user", "u"}, "--sparql-user needs --sparql"),
                Arguments.of(new String[] {"serve", "--connect-timeout", "5"}, "--connect-timeout needs --sparql"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void optionsAreCheckedFirst(String[] args, String message) {
        Run r = run(args);
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void aStoreThatIsDownIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run("serve", "--port", "0", "--sparql", "http://localhost:" + port + "/sparql");
        assertEquals(Main.USAGE, r.code(), r.err());
        assertEquals("lodestar serve: --sparql: the SPARQL store at http://localhost:" + port + "/sparql refused the connection (is it running?)",
                r.err().strip());
    }

    @Test
    void aStoreThatNeverAnswersIsOneLineWithinTheTimeout() throws Exception {
        // Accepts connections (the kernel does, into the backlog) and never answers.
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            Run r = run("serve", "--port", "0", "--timeout", "1500", "--sparql", "http://localhost:" + silent.getLocalPort() + "/sparql");
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Main.USAGE, r.code(), r.err());
            assertTrue(r.err().strip().endsWith("did not answer within 1500 ms"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(took < 6_000, "took " + took + " ms");
        }
    }

    @Test
    void aStoreWithoutALodestarDatasetIsOneLine() {
        FusekiServer empty = FusekiServer.create().port(0).add("/ds", DatasetGraphFactory.createTxnMem()).build().start();
        try {
            String url = "http://localhost:" + empty.getHttpPort() + "/ds/sparql";
            Run r = run("serve", "--port", "0", "--sparql", url);
            assertEquals(Main.USAGE, r.code(), r.err());
            assertTrue(r.err().strip().startsWith("lodestar serve: --sparql: " + url + " holds no Lodestar dataset"), r.err());
        } finally {
            empty.stop();
        }
    }
}
