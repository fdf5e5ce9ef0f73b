package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.TestSeeds;

/**
 * After queries and renders on their reniced threads, every thread of the server's pool still
 * runs at the server's own priority: Linux gives a new thread its creator's nice value, so a pool
 * that grew from a query thread would serve pages at the queries' priority.
 */
class ServerThreadsTest {
    @TempDir
    Path dir;

    @Test
    void queriesAndRendersLeaveTheServersThreadsAtItsPriority() throws Exception {
        FusekiServer server = WebClient.start(WebClient.build(TestSeeds.copy(dir.resolve("seeds"))), null);
        try {
            WebClient web = new WebClient(server);
            String query = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                assertEquals(200, web.get("/kg/sparql?query=" + query, "Accept", "application/sparql-results+json").statusCode());
                assertEquals(200, web.get("/view/concept/compliance-gap", "Accept", "text/html").statusCode());
            }
            int mine = NicedThreads.nice();
            List<String> atServers = new ArrayList<>(), niced = new ArrayList<>();
            for (String[] t : threads()) {
                if (t[0].startsWith("qtp"))
                    (Integer.parseInt(t[1]) == mine ? atServers : niced).add(t[0] + " at " + t[1]);
            }
            assertTrue(atServers.size() >= RenderSlots.SERVER_THREADS, "the server's pool: " + atServers.size() + " threads");
            assertTrue(niced.isEmpty(), "server threads below the server's priority: " + niced);
        } finally {
            server.stop();
        }
    }

    /** Every thread of this process: its name and nice value, from {@code /proc/self/task}. */
    private static List<String[]> threads() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.add(new String[] {name, Integer.toString(NicedThreads.nice(task))});
                } catch (IOException gone) {
                    // the thread ended while it was read
                }
            }
        }
        return out;
    }
}
