package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.mediaType;
import static org.lodestar.web.WebClient.text;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.EmbeddingCache;
import org.lodestar.similarity.SimilarityDerivation;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/**
 * A link-traversal client's walk over the real server, as a test: every IRI under the base that the
 * dump holds, and every one the answers lead to, must answer {@code 200}, or {@code 303} to a
 * {@code 200}. The data is the project's seeds with computed similarity links, on disk in TDB2.
 */
class MintedUrisCrawlTest {
    /** Comunica's dereferencing header: RDF first, HTML named but low. */
    static final String COMUNICA = AcceptHeaders.REAL_CLIENTS.stream().filter(r -> r.client().equals("Comunica"))
            .findFirst().orElseThrow().accept();
    static final int MAX_FETCHES = 3000;

    @TempDir
    static Path dir;
    static KnowledgeStore store;
    static FusekiServer server;
    static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        store = KnowledgeStore.open(dir.resolve("tdb2"));
        new SeedBuild(new Pipeline(Ontology.load(), ShapesValidator.load(), new Uris(WebClient.BASE)), false,
                new SimilarityDerivation(SimilaritySettings.DEFAULT, EmbeddingCache.inMemory()))
                .run(store, SeedFiles.folder(Path.of("seeds")));
        server = LodestarServer.start(new ServerSettings(0, dir.resolve("tdb2"), Path.of("seeds"), WebClient.BASE, null, 10_000,
                SimilaritySettings.DEFAULT), store);
        web = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(WebClient.BASE).parse(g);
        return g;
    }

    /** The IRIs under the base that a graph names, in any position. */
    static Set<String> local(Graph g) {
        Set<String> found = new HashSet<>();
        for (Triple t : g.find().toList())
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()})
                if (n.isURI() && n.getURI().startsWith(WebClient.BASE))
                    found.add(n.getURI());
        return found;
    }

    static String path(String iri) {
        return "/" + iri.substring(WebClient.BASE.length());
    }

    static Graph dump() throws Exception {
        HttpResponse<byte[]> r = web.get("/dump/lodestar.nt.gz");
        assertEquals(200, r.statusCode());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return parse(in.readAllBytes(), Lang.NTRIPLES);
        }
    }

    @Test
    void everyIriUnderTheBaseInTheDumpAndInWhatItLeadsToAnswers() throws Exception {
        Set<String> start = local(dump());
        // The kinds of IRI the data mints: the walk must meet each of them.
        Map<String, Integer> kinds = new TreeMap<>();
        for (String iri : start)
            kinds.merge(path(iri).replaceAll("^(/[^/]+(/(seed|computed))?).*", "$1"), 1, Integer::sum);
        for (String kind : List.of("/id", "/edge", "/similarity", "/similarity/computed", "/graph", "/graph/seed"))
            assertTrue(kinds.containsKey(kind), "the dump mints no " + kind + " IRI: " + kinds);

        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new HashSet<>(start);
        Map<String, String> failures = new LinkedHashMap<>();
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_FETCHES) {
            String iri = queue.poll();
            String p = path(iri).replaceFirst("#.*", "");
            HttpResponse<byte[]> r = web.get(p, "Accept", COMUNICA);
            fetched++;
            if (r.statusCode() == 303) {
                String location = URI.create(WebClient.BASE + p.substring(1)).resolve(header(r, "Location")).toString();
                r = web.get(path(location), "Accept", COMUNICA);
                fetched++;
            }
            if (r.statusCode() != 200) {
                failures.put(p, r.statusCode() + " " + mediaType(r));
                continue;
            }
            Lang lang = RDFLanguages.contentTypeToLang(mediaType(r));
            if (lang == null) // a dump: answered, and not followed
                continue;
            for (String next : local(parse(r.body(), lang)))
                if (seen.add(next))
                    queue.add(next);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + fetched + " fetches failed: " + failures);
        assertTrue(queue.isEmpty(), "the walk stopped at " + MAX_FETCHES + " fetches with " + queue.size() + " to go");
        assertTrue(fetched > start.size(), "fetched " + fetched);
    }

    @Test
    void eachMintedResourceIsDescribedInEveryFormatAndInHtml() throws Exception {
        Graph dump = dump();
        List<String> samples = new ArrayList<>();
        for (String prefix : List.of("edge/", "similarity/computed/", "similarity/", "graph/seed/", "graph/derived"))
            local(dump).stream().filter(i -> i.startsWith(WebClient.BASE + prefix)).sorted().findFirst().ifPresent(samples::add);
        local(dump).stream().filter(i -> i.matches(".*/edge/[0-9a-f]+/[0-9a-f]+")).findFirst().ifPresent(samples::add);
        assertEquals(6, samples.size(), samples.toString());
        for (String iri : samples) {
            Node resource = NodeFactory.createURI(iri);
            for (Format f : Format.RDF) {
                HttpResponse<byte[]> r = web.get(path(iri), "Accept", f.mediaType());
                assertEquals(200, r.statusCode(), iri + " " + f);
                assertEquals(f.mediaType(), mediaType(r), iri);
                assertEquals("Accept", header(r, "Vary"));
                Graph g = parse(r.body(), f.lang());
                assertTrue(g.contains(resource, Node.ANY, Node.ANY), iri + " is not described in its own " + f + ":\n" + text(r));
                // The fixed-format URL gives the same graph.
                HttpResponse<byte[]> fixed = web.get(path(iri) + "." + f.extension());
                assertEquals(200, fixed.statusCode(), iri + "." + f.extension());
                assertTrue(parse(fixed.body(), f.lang()).isIsomorphicWith(g), iri + "." + f.extension());
            }
            HttpResponse<byte[]> browser = web.get(path(iri), "Accept", AcceptHeaders.REAL_CLIENTS.get(0).accept());
            assertEquals(200, browser.statusCode());
            assertEquals("text/html", mediaType(browser));
            assertTrue(text(browser).contains(iri), text(browser));
        }
    }

    @Test
    void anAssertionLeadsBackToItsEdgeAndAGraphToItsContent() throws Exception {
        String assertion = local(dump()).stream().filter(i -> i.matches(".*/edge/[0-9a-f]+/[0-9a-f]+")).findFirst().orElseThrow();
        String edge = assertion.substring(0, assertion.lastIndexOf('/'));
        Graph g = parse(web.get(path(assertion), "Accept", "text/turtle").body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(edge), Node.ANY, NodeFactory.createURI(assertion)), "no way back to " + edge);

        String graph = WebClient.BASE + "graph/links";
        Graph about = parse(web.get("/graph/links", "Accept", "text/turtle").body(), Lang.TURTLE);
        List<Triple> seeAlso = about.find(NodeFactory.createURI(graph), org.apache.jena.vocabulary.RDFS.seeAlso.asNode(), Node.ANY).toList();
        assertEquals(1, seeAlso.size(), about.toString());
        HttpResponse<byte[]> content = web.get(path(seeAlso.get(0).getObject().getURI()), "Accept", "application/n-triples");
        assertEquals(200, content.statusCode());
        assertFalse(parse(content.body(), Lang.NTRIPLES).isEmpty(), "the links graph's content is empty");
    }

    @Test
    void unknownOrIllFormedMintedIrisAre404InTextForRdfClients() throws Exception {
        for (String p : List.of("/edge/0000000000000000", "/edge/0000000000000000/00000000", "/edge/NOTHEX", "/edge/",
                "/similarity/0000000000000000", "/similarity/computed/0000000000000000", "/similarity/a/b/c",
                "/graph/seed/no-such-page.txt", "/graph/nothing", "/graph/", "/edge/0000000000000000.exe")) {
            HttpResponse<byte[]> r = web.get(p, "Accept", COMUNICA);
            assertEquals(404, r.statusCode(), p);
            assertEquals("text/plain", mediaType(r), p);
        }
    }
}
