package org.lodestar.trials;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.util.ClasspathFolder;

/**
 * Against a running server: the descriptions it sends from the rendered file beside the database
 * ({@code /doc/…ttl}, {@code X-Cache: STORED}) are the ones it renders from the data at this
 * request ({@code /doc/…nt}, never stored), graph for graph; and entities that carry a marker
 * the trial wrote show it. A file rendered from other data, or torn, would differ.
 */
final class ServedCheck {
    private static final Pattern LOC = Pattern.compile("<loc>[a-z]+://[^/]+(/doc/[^<]+)</loc>");

    record Result(int checked, int stored, List<String> problems) {
        boolean ok() { return problems.isEmpty(); }

        @Override
        public String toString() {
            return checked + " descriptions compared (" + stored + " from the stored file)"
                    + (ok() ? "" : ", " + problems.size() + " problem(s): " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
        }
    }

    private final Web web;

    ServedCheck(String origin) {
        this.web = new Web(origin, Duration.ofSeconds(60));
    }

    Web web() { return web; }

    /**
     * Waits until the server sends one of {@code docs}' Turtle from its stored file (after a write it
     * renders the file again in the background); @return whether it did within {@code seconds}
     */
    boolean awaitStored(List<String> docs, int seconds) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        // a document not asked for before at each try: one asked while the file was not ready is
        // rendered per request and then answered from the response cache (X-Cache: HIT) for as
        // long as the data stays the same, never from the file. Asking the same five again and
        // again, this waited its whole 120 s every time (the update slice: 150 s of its 155)
        for (int i = 0; i < docs.size() && System.nanoTime() < until; i++) {
            if ("STORED".equals(web.get(docs.get(i) + ".ttl", "text/turtle").cache()))
                return true;
            CrashTrial.sleep(0.5);
        }
        return false;
    }

    /** Every entity page the sitemap lists, as {@code /doc/type/slug}. */
    List<String> docs() {
        Web.Answer sitemap = web.get("/sitemap.xml", "application/xml");
        // a server that has just started renders and indexes in the background: its sitemap query
        // can meet the query timeout on a busy machine; asked again, it answers
        for (int i = 0; i < 6 && !sitemap.ok(); i++) {
            CrashTrial.sleep(5);
            sitemap = web.get("/sitemap.xml", "application/xml");
        }
        List<String> out = new ArrayList<>();
        if (!sitemap.ok())
            return out;
        Matcher m = LOC.matcher(sitemap.body());
        while (m.find())
            out.add(m.group(1).replace("&amp;", "&"));
        return out;
    }

    /** The documents of the entities whose literals contain {@code marker}, as {@code /doc/type/slug}. */
    List<String> marked(String marker, String base) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(ClasspathFolder.read("queries/trials/marked-entities.rq"));
        q.setLiteral("marker", marker);
        q.setLiteral("ids", base + "id/");
        Web.Answer a = web.sparql(q.toString(), "text/csv");
        List<String> out = new ArrayList<>();
        if (!a.ok())
            return out;
        for (String line : a.body().split("\r?\n"))
            if (line.startsWith(base + "id/"))
                out.add("/doc/" + line.substring((base + "id/").length()).trim());
        return out;
    }

    /**
     * @param marked documents that must contain {@code marker} (the trial's latest edit), besides
     * @param sample how many others, at random from the sitemap
     */
    Result check(List<String> marked, String marker, int sample, Random random) {
        List<String> problems = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>(marked);
        List<String> all = docs();
        if (all.isEmpty())
            problems.add("the sitemap lists no entity");
        Collections.shuffle(all, random);
        paths.addAll(all.subList(0, Math.min(sample, all.size())));
        int stored = 0;
        for (String path : paths) {
            Web.Answer ttl = web.get(path + ".ttl", "text/turtle"), nt = web.get(path + ".nt", "application/n-triples");
            if (!ttl.ok() || !nt.ok()) {
                problems.add(path + ": " + ttl.status() + "/" + nt.status());
                continue;
            }
            if ("STORED".equals(ttl.cache()))
                stored++;
            Graph a = parse(ttl.body(), Lang.TURTLE, path), b = parse(nt.body(), Lang.NTRIPLES, path);
            if (a == null || b == null)
                problems.add(path + ": does not parse");
            else if (!a.isIsomorphicWith(b))
                problems.add(path + ": stored description (" + ttl.cache() + ", " + a.size() + " triples) is not the data's (" + b.size() + ")");
            if (marked.contains(path) && !nt.body().contains(marker))
                problems.add(path + ": does not show the latest edit " + marker);
        }
        return new Result(paths.size(), stored, problems);
    }

    private static Graph parse(String body, Lang lang, String path) {
        try {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.create().source(new StringReader(body)).lang(lang).base("http://x/").parse(g);
            return g;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
