package org.lodestar.trials;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/**
 * {@code trials http}: hostile requests against the real server (embedded Fuseki on a free port,
 * the seeds built into memory, updates with a password), by category. Every answer is also checked
 * for what no answer may hold: a 5xx for the client's mistake, a stack trace or an internal path,
 * a text answer without {@code X-Content-Type-Options: nosniff}.
 */
public final class HostileHttpTrial {

    enum Category { LONG_URL, BAD_PERCENT, TRAVERSAL, HEADER_INJECTION, XSS, ACCEPT, EXPENSIVE_SPARQL, SERVICE, PASSWORD_BURST }

    static final String BASE = "http://localhost:8080/";
    private static final String MARK = "\"'><script>alert(7331)</script>";
    private static final String USER = "curator", PASSWORD = "trial-s3cret";
    private static final String DOC = "/doc/concept/compliance-gap", VIEW = "/view/thinker/evan-hubinger";

    public record Settings(Path seeds, long queryTimeoutMillis, int rounds) {
        public static Settings defaults() {
            return new Settings(Path.of("seeds"), 3_000, 1);
        }
    }

    private final Settings settings;
    private final Findings<Category> findings = new Findings<>();
    private final List<String> internal = new ArrayList<>();
    private RawHttp http;

    public HostileHttpTrial(Settings settings) {
        this.settings = settings;
    }

    /** {@code trials http [--seeds DIR] [--timeout MS]}: 0 when nothing was found. */
    public static int run(List<String> args, PrintStream out) {
        TrialArgs a = TrialArgs.parse(args, "seeds", "timeout", "seed", "count");
        if (a.error() != null) {
            out.println("trials http: " + a.error());
            return 2;
        }
        try {
            Settings d = Settings.defaults();
            Settings s = new Settings(Path.of(a.text("seeds", d.seeds().toString())), a.number("timeout", d.queryTimeoutMillis(), 500, 600_000),
                    (int) a.number("count", d.rounds(), 1, 1000));
            return new HostileHttpTrial(s).run(out).isEmpty() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            out.println("trials http: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            out.println("trials http: " + e);
            return 1;
        }
    }

    /** Starts the server, sends every category's requests ({@code rounds} times), stops it; returns the findings. */
    public List<String> run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("lodestar-http-");
        FusekiServer server = null;
        try {
            Path passwd = dir.resolve("passwd");
            Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
            internal.addAll(List.of(dir.toString(), settings.seeds().toAbsolutePath().toString(), System.getProperty("user.dir"),
                    System.getProperty("user.home")));
            KnowledgeStore store = KnowledgeStore.inMemory();
            new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(BASE)), false)
                    .run(store, SeedFiles.folder(settings.seeds()));
            server = LodestarServer.start(new ServerSettings(0, null, settings.seeds(), BASE, passwd, settings.queryTimeoutMillis(),
                    SimilaritySettings.IMPORTED_ONLY), store);
            http = new RawHttp(server.getHttpPort(), (int) Math.max(30_000, settings.queryTimeoutMillis() * 4));
            out.printf("http: server on port %d, query timeout %d ms, %d round(s)%n", server.getHttpPort(), settings.queryTimeoutMillis(), settings.rounds());
            for (int r = 0; r < settings.rounds(); r++) {
                longUrls();
                badPercentEncodings();
                traversal();
                headerInjection();
                xss();
                accept();
                expensiveSparql();
                service();
                if (r == 0)
                    passwordBurst();
            }
        } finally {
            if (server != null)
                server.stop();
            TrialFiles.delete(dir);
        }
        findings.print(String.format("http: %d requests in %.0f s; outcomes by category:", findings.total(), (System.nanoTime() - start) / 1e9), out);
        return findings.findings();
    }

    // ---- categories

    private void longUrls() throws IOException {
        for (int n : new int[] {1_000, 3_000, 100_000}) {
            String slug = "a-".repeat(n) + "a";
            for (String t : new String[] {"/doc/concept/" + slug, "/doc/concept/" + slug + ".ttl", "/view/concept/" + slug, "/id/concept/" + slug,
                    "/edge/" + "a".repeat(2 * n), "/search?q=" + "a".repeat(2 * n), "/search/suggest?q=" + "ab ".repeat(n),
                    "/kg/sparql?query=" + enc("ASK {}" + " ".repeat(2 * n)), "/assets/" + "a/".repeat(n) + "x.css"})
                check(Category.LONG_URL, t, http.get(t), Expect.ANY);
        }
    }

    private void badPercentEncodings() throws IOException {
        for (String t : new String[] {"/kg/query?query=%zz", "/kg/sparql?query=%zz", "/kg/sparql?query=%", "/kg/query?query=ASK%7B%7D%",
                "/search?q=%zz", "/search?q=%", "/search/suggest?q=%G1", "/search?class=%zz", "/doc/concept/compliance-gap?page=%zz",
                "/view/thinker/evan-hubinger?group=%zz", "/query?query=%zz", "/duplicates?min=%zz", "/doc/concept/%zz", "/id/concept/%",
                "/view/%zz/x", "/kg/get?graph=%zz", "/search?q=%C0%AE", "/search?q=%ED%A0%80", "/search?q=%FF%FE"})
            check(Category.BAD_PERCENT, t, http.get(t), t.contains("%C0") || t.contains("%ED") || t.contains("%FF") ? Expect.ANY : Expect.REFUSED);
    }

    private void traversal() throws IOException {
        String[] targets = {"/doc/../pom.xml", "/doc/%2e%2e/pom.xml", "/doc/%2e%2e/%2e%2e/pom.xml", "/doc/..%2fpom.xml", "/doc/..%2f..%2fpom.xml",
                "/assets/..%2f..%2fpom.xml", "/assets/%2e%2e/%2e%2e/pom.xml", "/assets/..\\..\\pom.xml", "/assets/..%5c..%5cpom.xml",
                "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/pom.xml", "/assets/%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afpom.xml", "/dump/..;/..;/pom.xml",
                "/dump/%252e%252e%252fpom.xml", "/assets/yasgui/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%00/pom.xml",
                "/assets/site.css%00.txt", "/ontology/..%2f..%2fontology%2fontology.ttl", "/templates/doc-entity.html.mustache",
                "/queries/doc-entity.rq", "/WEB-INF/web.xml", "/doc/concept/compliance-gap/../../../../etc/passwd", "//etc/passwd",
                "/assets//etc/passwd", "/assets/%2fetc%2fpasswd", "/view/..%2f..%2fpom.xml"};
        for (String t : targets) {
            RawHttp.Answer a = http.get(t);
            String body = a.text();
            Outcome leaked = body.contains("<project") || body.contains("root:x:") || body.contains("{{") || body.contains("<web-app")
                    || body.contains("CONSTRUCT") ? Outcome.ESCAPED : null;
            if (leaked != null)
                findings.count(Category.TRAVERSAL, leaked, t + " gave " + a.status());
            else
                check(Category.TRAVERSAL, t, a, Expect.REFUSED_OR_REDIRECT);
        }
    }

    private void headerInjection() throws IOException {
        String[] values = {"x%0d%0aX-Injected:%20yes", "x%0aX-Injected:%20yes", "x%0dX-Injected:%20yes", "x%0d%0aSet-Cookie:%20lodestar=1",
                "%E5%98%8A%E5%98%8DX-Injected:%20yes"};
        String[] routes = {"/search?q=", "/search?class=", "/search/suggest?q=", DOC + "?page=", VIEW + "?group=", VIEW + "?page=",
                VIEW + "?threshold=", "/query?query=", "/duplicates?min=", "/kg/sparql?query=ASK%7B%7D&output=", "/kg/sparql?query=ASK%7B%7D&format=",
                "/id/concept/", "/doc/concept/", "/view/concept/", "/kg/get?graph="};
        for (String route : routes)
            for (String v : values) {
                String t = route + v;
                RawHttp.Answer a = http.get(t, "Accept: text/html");
                if (a.headerNames().contains("x-injected") || a.headerNames().contains("set-cookie"))
                    findings.count(Category.HEADER_INJECTION, Outcome.INJECTED, t + ": " + FuzzTrial.visible(a.head()));
                else
                    check(Category.HEADER_INJECTION, t, a, Expect.ANY);
            }
    }

    private void xss() throws IOException {
        String m = enc(MARK);
        String[] targets = {"/search?q=" + m, "/search?class=" + m, "/search?q=a&class=" + m, "/search/suggest?q=" + m,
                VIEW + "?group=" + m, VIEW + "?page=" + m, VIEW + "?threshold=" + m, VIEW + "?similarity=" + m, VIEW + ".html?group=concept&page=" + m,
                DOC + "?page=" + m, DOC + ".html?page=" + m, "/query?query=" + m, "/query?query=" + enc("</script><script>alert(7331)</script>"),
                "/duplicates?min=" + m, "/duplicates.json?min=" + m, "/id/concept/" + m, "/doc/concept/" + m, "/view/concept/" + m, "/doc/" + m,
                "/?q=" + m, "/ontology.html?x=" + m, "/kg/sparql?query=" + m, "/kg/sparql?query=" + enc("SELECT * WHERE { BIND(\"" + "<script>alert(7331)</script>" + "\" AS ?x) }") + "&format=" + m,
                "/edge/" + m, "/similarity/" + m, "/graph/" + m, "/assets/" + m};
        for (String t : targets) {
            RawHttp.Answer a = http.get(t, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            String type = String.valueOf(a.header("Content-Type"));
            if (a.text().contains("<script>alert(7331)") && (type.contains("html") || type.contains("xml") || type.equals("null")))
                findings.count(Category.XSS, Outcome.REFLECTED, t + " (" + type + ")");
            else
                check(Category.XSS, t, a, Expect.ANY);
        }
    }

    private void accept() throws IOException {
        String many = String.join(", ", java.util.Collections.nCopies(600, "text/x-nothing;q=0.1"));
        String[] accepts = {"Accept: " + "a".repeat(100_000), "Accept: " + many, "Accept: text/html;q=abc", "Accept: ;;;;", "Accept: */*;q=2",
                "Accept: text/html;q=0.5;q=", "Accept: a/b/c", "Accept: , , ,", "Accept: text/*;q=1e400", "Accept: */*;q=-1", "Accept: \u00ff/\u00ff",
                "Accept: text/turtle;charset=\"unterminated", "Accept: application/ld+json;profile=" + "x".repeat(5000), "Accept: " + "*/*,".repeat(2000)};
        for (String target : new String[] {DOC, "/ontology", VIEW, "/kg/sparql?query=ASK%7B%7D", "/search?q=gap", "/.well-known/void", "/id/concept/compliance-gap"})
            for (String h : accepts)
                check(Category.ACCEPT, target + " [" + (h.length() > 40 ? h.substring(0, 40) + "…" : h) + "]", http.get(target, h), Expect.ANY);
    }

    /** A query that would run for hours is cut by the timeout, and the server answers others meanwhile. */
    private void expensiveSparql() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
        long t0 = System.nanoTime();
        CompletableFuture<RawHttp.Answer> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return http.post("/kg/sparql", "application/sparql-query", q, "Accept: application/sparql-results+json");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long worst = 0;
        int answered = 0;
        while (!slow.isDone() && (System.nanoTime() - t0) / 1_000_000 < settings.queryTimeoutMillis() * 5) {
            long s = System.nanoTime();
            RawHttp.Answer a = http.get(DOC, "Accept: text/turtle");
            worst = Math.max(worst, (System.nanoTime() - s) / 1_000_000);
            if (a.status() == 200)
                answered++;
            check(Category.EXPENSIVE_SPARQL, "GET " + DOC + " beside the query", a, Expect.OK);
            Thread.sleep(100);
        }
        long limit = settings.queryTimeoutMillis() * 5;
        try {
            RawHttp.Answer a = slow.get(Math.max(1, limit - (System.nanoTime() - t0) / 1_000_000), TimeUnit.MILLISECONDS);
            long took = (System.nanoTime() - t0) / 1_000_000;
            if (a.status() == 200)
                findings.count(Category.EXPENSIVE_SPARQL, Outcome.NOT_REFUSED, "the expensive query answered 200 after " + took + " ms");
            else
                check(Category.EXPENSIVE_SPARQL, "the expensive query (cut after " + took + " ms, " + a.status() + ")", a, Expect.TIMEOUT);
        } catch (java.util.concurrent.TimeoutException e) {
            findings.count(Category.EXPENSIVE_SPARQL, Outcome.HANG, "the expensive query was not cut within " + limit + " ms");
        }
        if (answered == 0 || worst > 2_000)
            findings.count(Category.EXPENSIVE_SPARQL, Outcome.STARVED, answered + " answers beside it, the slowest " + worst + " ms");
    }

    /** SERVICE is off: the query is refused and the server never connects to the host it names. */
    private void service() throws IOException {
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(300);
            String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:" + trap.getLocalPort() + "/sparql> { ?s ?p ?o } }";
            String silent = "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:" + trap.getLocalPort() + "/sparql> { ?s ?p ?o } }";
            for (RawHttp.Answer a : new RawHttp.Answer[] {http.get("/kg/sparql?query=" + enc(q)), http.post("/kg/query", "application/sparql-query", q),
                    http.post("/kg/sparql", "application/x-www-form-urlencoded", "query=" + enc(silent))}) {
                boolean connected;
                try (var s = trap.accept()) {
                    connected = true;
                } catch (SocketTimeoutException e) {
                    connected = false;
                }
                if (connected)
                    findings.count(Category.SERVICE, Outcome.NOT_REFUSED, "the server connected to the SERVICE host");
                else // SERVICE SILENT may answer no rows, as long as nothing was fetched
                    check(Category.SERVICE, "SERVICE query", a, a.status() == 200 && a.text().contains("results") ? Expect.ANY : Expect.REFUSED);
            }
        }
    }

    /** Wrong passwords on /kg/update: after a few, the address is refused (429 with Retry-After), the right password too. */
    private void passwordBurst() throws IOException {
        String update = "INSERT DATA { GRAPH <urn:trial> { <urn:a> <urn:b> <urn:c> } }";
        RawHttp.Answer good = http.post("/kg/update", "application/sparql-update", update, basic(USER, PASSWORD));
        check(Category.PASSWORD_BURST, "the right password first", good, Expect.OK);
        int refused = 0, wrong = 12;
        RawHttp.Answer last = null;
        for (int i = 0; i < wrong; i++) {
            last = http.post("/kg/update", "application/sparql-update", update, basic(USER, "guess" + i));
            check(Category.PASSWORD_BURST, "wrong password " + (i + 1), last, Expect.REFUSED);
            if (last.status() == 429) {
                refused++;
                if (last.header("Retry-After") == null)
                    findings.count(Category.PASSWORD_BURST, Outcome.NOT_REFUSED, "429 without Retry-After");
            }
        }
        RawHttp.Answer after = http.post("/kg/update", "application/sparql-update", update, basic(USER, PASSWORD));
        if (refused < wrong - 5)
            findings.count(Category.PASSWORD_BURST, Outcome.NOT_REFUSED, refused + " of " + wrong + " wrong passwords in a row refused with 429");
        if (after.status() != 429)
            findings.count(Category.PASSWORD_BURST, Outcome.NOT_REFUSED, "the right password during the burst's refusal gave " + after.status());
        else
            check(Category.PASSWORD_BURST, "the right password while refused", after, Expect.REFUSED);
    }

    // ---- what every answer must satisfy

    private enum Expect { ANY, OK, REFUSED, REFUSED_OR_REDIRECT, TIMEOUT }

    private void check(Category c, String what, RawHttp.Answer a, Expect expect) {
        String shown = FuzzTrial.visible(what.length() > 120 ? what.substring(0, 120) + "…" : what) + " → " + a.status();
        String text = a.head() + "\n" + a.text();
        String type = a.header("Content-Type");
        if (a.status() >= 500 && !(expect == Expect.TIMEOUT && a.status() == 503))
            findings.count(c, Outcome.SERVER_ERROR, shown + ": " + FuzzTrial.visible(a.text()));
        else if (text.contains("\tat ") || text.contains("Exception:") || text.matches("(?s).*\\.java:[0-9]+.*")
                || internal.stream().anyMatch(p -> p != null && p.length() > 1 && text.contains(p)))
            findings.count(c, Outcome.LEAK, shown + ": " + FuzzTrial.visible(a.text()));
        else if (type != null && a.body().length > 0 && !"nosniff".equalsIgnoreCase(a.header("X-Content-Type-Options")))
            findings.count(c, Outcome.NO_NOSNIFF, shown + " (" + type + ")");
        else if ((expect == Expect.REFUSED || expect == Expect.TIMEOUT) && (a.status() < 400 || a.status() >= 500) && !(expect == Expect.TIMEOUT && a.status() == 503)
                || expect == Expect.REFUSED_OR_REDIRECT && a.status() < 300 || expect == Expect.OK && a.status() >= 300)
            findings.count(c, Outcome.NOT_REFUSED, shown);
        else
            findings.count(c, a.status() < 400 ? Outcome.ACCEPTED : Outcome.REFUSED, shown);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
