package org.lodestar.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lodestar.cli.Main;

/**
 * Replicas, measured against one replica in the same run: /doc read throughput from one replica and
 * from all of them behind a round-robin client (the ratio), then the time from a one-page build on
 * the writer ({@code build --publish}, in this JVM) until every replica serves the change.
 *
 * <p>{@code java -cp lodestar.jar org.lodestar.bench.ReplicaBench PORTS SEEDS DB BOOTSTRAP [SECONDS] [THREADS]}
 * with the replicas already running (docs/replicas.md has the whole command sequence).
 */
public final class ReplicaBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LOC = Pattern.compile("<loc>[^<]*?(/doc/[^<]+)</loc>");

    private ReplicaBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> ports = Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList();
        Path seeds = Path.of(args[1]), db = Path.of(args[2]);
        String bootstrap = args[3];
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10, threads = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        List<String> docs = new ArrayList<>();
        Matcher m = LOC.matcher(get(ports.get(0), "/sitemap.xml").body());
        while (m.find())
            docs.add(m.group(1) + ".ttl");
        for (int port : ports)
            for (String d : docs.subList(0, Math.min(docs.size(), 2000)))
                get(port, d); // every replica has read every description once: no first-read costs in the figures
        double one = throughput(ports.subList(0, 1), docs, seconds, threads);
        double all = throughput(ports, docs, seconds, threads);
        System.out.printf("/doc reads, %d threads, %d s each: 1 replica %.0f req/s, %d replicas round-robin %.0f req/s, ratio %.2f%n",
                threads, seconds, one, ports.size(), all, all / one);
        // one page edited and built on the writer, then polled for on every replica
        Path page;
        try (var files = Files.list(seeds)) {
            page = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        String before = Files.readString(page), line = before.lines().skip(3).findFirst().orElseThrow();
        String marker = "Replica bench edit " + System.nanoTime();
        Files.writeString(page, before.replace(line, marker));
        String doc = docFor(ports.get(0), page);
        long t0 = System.nanoTime();
        int code = Main.run(new String[] {"build", "--seeds", seeds.toString(), "--db", db.toString(), "--publish", bootstrap},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), System.err);
        long built = System.nanoTime();
        if (code != 0)
            throw new IllegalStateException("the build failed: " + code);
        for (int port : ports)
            while (!get(port, doc).body().contains(marker))
                Thread.sleep(20);
        long served = System.nanoTime();
        System.out.printf("one-page build on the writer: %.2f s; then served by all %d replicas %.0f ms later (%.2f s from the build's start)%n",
                (built - t0) / 1e9, ports.size(), (served - built) / 1e6, (served - t0) / 1e9);
    }

    /** The /doc path of the entity a page describes, from its id line (type:slug glued to its label). */
    private static String docFor(int port, Path page) throws Exception {
        String id = Files.readAllLines(page).get(2);
        Matcher m = Pattern.compile("^([a-z]+):([a-z0-9-]+)").matcher(id);
        if (!m.find())
            throw new IllegalStateException(page + ": no explicit id on line 3");
        // a slug may swallow the first letters of a glued label: ask the server which one exists
        for (int end = m.end(2); end > m.start(2); end--) {
            String path = "/doc/" + m.group(1) + "/" + id.substring(m.start(2), end) + ".ttl";
            if (get(port, path).statusCode() == 200)
                return path;
        }
        throw new IllegalStateException(page + ": no description found for " + id);
    }

    private static double throughput(List<Integer> ports, List<String> docs, int seconds, int threads) throws InterruptedException {
        AtomicLong done = new AtomicLong(), turn = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = turn.getAndIncrement();
                    try {
                        if (get(ports.get((int) (n % ports.size())), docs.get((int) ((n * 7919) % docs.size()))).statusCode() == 200)
                            done.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            th.start();
            all.add(th);
        }
        for (Thread th : all)
            th.join();
        return done.get() / (double) seconds;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
