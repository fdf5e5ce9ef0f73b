package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.Ontology;
import org.lodestar.util.ClasspathFolder;

/**
 * {@code trials update}: a server with an update password takes a stream of SPARQL updates
 * through {@code /kg/update}, each of {@link #PARTS} triples plus a comment on a few entities;
 * it is killed with SIGKILL at a random moment and started again. Then every update must be
 * there whole or not at all, every acknowledged one must be there, and the descriptions the
 * server sends must be the data's (the comments of the last updates among them).
 */
public final class UpdateTrial extends Trial {
    static final int PARTS = 200;
    private static final String BASE = "http://localhost:8080/";
    private static final Node PART = NodeFactory.createURI("urn:lodestar:trial:part");
    private static final Node GRAPH = NodeFactory.createURI(BASE + "graph/trial-updates");
    private static final String USER = "trial", PASSWORD = "trial-secret-7";

    private final int runs, pages;
    private final long seed;
    private int acknowledged, applied, torn;

    public UpdateTrial(int runs, int pages, long seed, Path work, PrintStream out) {
        super(work, out);
        this.runs = runs;
        this.pages = pages;
        this.seed = seed;
    }

    /** Updates found whole in the data at the last check. */
    public int applied() { return applied; }

    @Override
    public List<String> run() throws IOException {
        Random random = new Random(seed);
        clean(work);
        Path pageDir = work.resolve("pages"), db = work.resolve("db"), passwd = work.resolve("passwd");
        out.println("  " + new Generator(Ontology.load()).generate(Math.max(20, pages * 10 / 9), seed, pageDir));
        completed(1800, "build", "--seeds", pageDir.toString(), "--db", db.toString());
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        List<String> entities = null;
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Boolean> acked = new HashMap<>();
        for (int run = 1; run <= runs; run++) {
            try (Child server = lodestar("serve", "--db", db.toString(), "--port", "0", "--passwd", passwd.toString())) {
                String origin = server.origin(300);
                ServedCheck check = origin == null ? null : new ServedCheck(origin);
                if (check == null || !check.web().awaitPing(60)) {
                    fail("run " + run + ": the server did not start after the kill:\n" + tail(server.output(), 10));
                    return failures;
                }
                if (run > 1)
                    verify(check, acked, next.get(), run, random);
                if (entities == null)
                    entities = check.docs().stream().map(d -> BASE + "id/" + d.substring("/doc/".length())).toList();
                // the stream: one client, one update after the other, until the kill
                List<String> targets = entities;
                double killAt = 1 + random.nextDouble() * 6;
                Thread stream = new Thread(() -> {
                    Random r = new Random(seed * 31 + next.get());
                    while (!Thread.currentThread().isInterrupted()) {
                        int n = next.getAndIncrement();
                        Web.Answer a = check.web().update(update(n, targets, r), USER, PASSWORD);
                        synchronized (acked) {
                            acked.put(n, a.status() == 200 || a.status() == 204);
                        }
                        if (a.status() < 0)
                            return; // the server is gone
                    }
                }, "updates");
                stream.start();
                CrashTrial.sleep(killAt);
                server.kill();
                stream.interrupt();
                try {
                    stream.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.printf("run %d: killed the server %.1f s into the updates, %d sent so far%n", run, killAt, next.get());
            }
        }
        try (Child server = lodestar("serve", "--db", db.toString(), "--port", "0")) {
            String origin = server.origin(300);
            if (origin == null || !new ServedCheck(origin).web().awaitPing(60))
                fail("the server did not start after the last kill");
            else
                verify(new ServedCheck(origin), acked, next.get(), runs + 1, random);
        }
        out.printf("update: %d kills, %d updates sent, %d acknowledged, %d applied whole, %d half applied; %d failure(s)%n",
                runs, next.get(), acknowledged, applied, torn, failures.size());
        return failures;
    }

    /** INSERT DATA of {@link #PARTS} triples about {@code urn:…:update:n} and a comment on three entities. */
    private static String update(int n, List<String> entities, Random r) {
        QuadDataAcc data = new QuadDataAcc();
        Node u = NodeFactory.createURI("urn:lodestar:trial:update:" + n);
        for (int i = 0; i < PARTS; i++)
            data.addQuad(Quad.create(GRAPH, u, PART, NodeFactory.createLiteralString("part " + i + " of update " + n)));
        for (int i = 0; i < 3 && !entities.isEmpty(); i++)
            data.addQuad(Quad.create(GRAPH, NodeFactory.createURI(entities.get(r.nextInt(entities.size()))), RDFS.comment.asNode(),
                    NodeFactory.createLiteralString("upd-" + n + " trial comment")));
        return new UpdateRequest(new UpdateDataInsert(data)).toString();
    }

    /** After a restart: each update whole or absent, each acknowledged one present, descriptions the data's. */
    private void verify(ServedCheck check, Map<Integer, Boolean> acked, int sent, int run, Random random) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(ClasspathFolder.read("queries/trials/update-counts.rq"));
        q.setIri("graph", GRAPH.getURI());
        Web.Answer a = check.web().sparql(q.toString(), "text/csv");
        if (!a.ok()) {
            fail("run " + run + ": the count query answered " + a.status());
            return;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : a.body().split("\r?\n")) {
            String[] f = line.split(",");
            if (f.length == 2 && f[0].startsWith("urn:lodestar:trial:update:"))
                counts.put(Integer.parseInt(f[0].substring("urn:lodestar:trial:update:".length())), Integer.parseInt(f[1].trim()));
        }
        int whole = 0, half = 0, lost = 0, last = -1;
        synchronized (acked) {
            for (int n = 0; n < sent; n++) {
                int c = counts.getOrDefault(n, 0);
                if (c == PARTS) {
                    whole++;
                    last = Math.max(last, n);
                } else if (c != 0) {
                    half++;
                    fail("run " + run + ": update " + n + " is half applied (" + c + " of " + PARTS + " triples)");
                }
                if (Boolean.TRUE.equals(acked.get(n)) && c != PARTS) {
                    lost++;
                    fail("run " + run + ": update " + n + " was acknowledged and is not in the data");
                }
            }
            acknowledged = (int) acked.values().stream().filter(Boolean::booleanValue).count();
        }
        applied = whole;
        torn += half;
        List<String> marked = last < 0 ? List.of() : check.marked("upd-" + last + " ", BASE);
        // the update deleted the stored file; compare with the one the server renders again, once it has
        List<String> docs = check.docs();
        boolean stored = !docs.isEmpty() && check.awaitStored(docs, 120);
        ServedCheck.Result r = check.check(marked, "upd-" + last + " ", 20, random);
        out.printf("  after restart: %d update(s) whole, %d half, %d acknowledged but lost; served: %s%s%n", whole, half, lost, r,
                stored ? "" : " (the server had not rendered its file again in 120 s)");
        if (!r.ok())
            fail("run " + run + ": " + r);
    }
}
