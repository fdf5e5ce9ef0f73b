package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lodestar.web.WebClient.header;
import static org.lodestar.web.WebClient.text;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.store.KnowledgeStore;

/**
 * Requests meant to hurt: labels with markup, paths that try to leave the served folders, ids that
 * are not slugs, updates without credentials. Also the paths that only a made-up seed can reach:
 * a former URI (301) and a hub whose backlinks are paged.
 */
class HostileRequestsTest {
    static final String LABEL = "<script>alert('x')</script> & \"Friends\"";

    @TempDir
    static Path dir;
    static KnowledgeStore store;
    static FusekiServer server;
    static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder page = new StringBuilder("concept\nactive\nconcept:xss-test" + LABEL + "\n"
                + "Described with <img src=x onerror=alert(1)> inside\n"
                + "Neighborhood — ranked by edge-count\nThinkers (101)\nthinker\n");
        for (int i = 1; i <= 101; i++)
            page.append("- Thinker ").append(i).append("studies").append(i == 1 ? "Because </span><script>alert(2)</script>" : "").append('\n');
        Path seeds = WebClient.seeds(dir.resolve("seeds"), "concept-xss-test.txt", page.toString());
        store = WebClient.build(seeds);
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "curator: s3cret\n");
        server = WebClient.start(store, passwd);
        web = new WebClient(server);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    @Test
    void labelsAreEscapedInHtml() throws Exception {
        String html = text(web.get("/doc/concept/xss-test.html"));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Friends&quot;"), html);
        assertTrue(html.contains("&lt;/span&gt;&lt;script&gt;alert(2)"), "justification escaped too");
        String notFound = text(web.get("/id/concept/script-alert", "Accept", "text/html"));
        assertFalse(notFound.contains("<script>"), notFound);
    }

    @Test
    void searchTextIsDataNeverSparqlOrMarkup() throws Exception {
        long before = Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getUnionGraph().size());
        for (String q : new String[] {"\") } ; DROP ALL ; #", "'} UNION { ?s ?p ?o", "<script>alert(1)</script>", "\\u0022"}) {
            HttpResponse<byte[]> r = web.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "Accept", "text/html");
            assertEquals(200, r.statusCode(), q);
            assertFalse(text(r).contains("<script>alert(1)"), text(r));
        }
        String found = text(web.get("/search?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8), "Accept", "text/html"));
        assertTrue(found.contains("href=\"/doc/concept/xss-test\""), "the label with markup is found, escaped: " + found);
        assertEquals(400, web.get("/search?q=" + "x".repeat(SearchServlet.MAX_QUERY + 1)).statusCode());
        assertEquals(before, (long) Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getUnionGraph().size()));
    }

    @Test
    void aFormerUriIsAPermanentRedirect() throws Exception {
        HttpResponse<byte[]> id = web.get("/id/concept/script-alert-x-script-friends");
        assertEquals(301, id.statusCode());
        assertEquals(WebClient.BASE + "id/concept/xss-test", header(id, "Location"));
        HttpResponse<byte[]> doc = web.get("/doc/concept/script-alert-x-script-friends.ttl");
        assertEquals(301, doc.statusCode());
        assertEquals("/doc/concept/xss-test.ttl", header(doc, "Location"));
        assertEquals(303, web.get("/id/concept/xss-test").statusCode());
    }

    @Test
    void backlinksOfAHubArePaged() throws Exception {
        HttpResponse<byte[]> first = web.get("/doc/concept/xss-test.ttl");
        assertTrue(WebClient.headers(first, "Link").contains("</doc/concept/xss-test?page=2>; rel=\"next\""), WebClient.headers(first, "Link").toString());
        Graph one = LinkedDataTest.parse(first, Lang.TURTLE);
        Node entity = NodeFactory.createURI(WebClient.BASE + "id/concept/xss-test");
        Node studies = NodeFactory.createURI("https://w3id.org/lodestar/ns#studies");
        assertEquals(EntityDocument.PAGE_SIZE, one.find(Node.ANY, studies, entity).toList().size());
        assertTrue(one.contains(NodeFactory.createURI(WebClient.BASE + "doc/concept/xss-test"), EntityDocument.NEXT,
                NodeFactory.createURI(WebClient.BASE + "doc/concept/xss-test?page=2")));
        Graph two = LinkedDataTest.parse(web.get("/doc/concept/xss-test.ttl?page=2"), Lang.TURTLE);
        assertEquals(1, two.find(Node.ANY, studies, entity).toList().size());
        assertFalse(two.contains(Node.ANY, EntityDocument.NEXT, Node.ANY));
        assertEquals(400, web.get("/doc/concept/xss-test.ttl?page=0").statusCode());
        assertEquals(400, web.get("/doc/concept/xss-test.ttl?page=1%20UNION").statusCode());
    }

    @Test
    void pathsCannotLeaveTheServedFolders() throws Exception {
        for (String path : new String[] {"/doc/..%2f..%2fpom.xml", "/doc/%2e%2e/%2e%2e/pom.xml", "/dump/..%2f..%2fpom.xml",
                "/dump/%2e%2e/%2e%2e/etc/passwd", "/id/concept/..%2f..%2f..%2fetc%2fpasswd", "/ontology/..%2fpom.xml",
                "/%2e%2e/%2e%2e/etc/passwd", "/dump/%252e%252e%252fpom.xml", "/templates/doc-entity.html.mustache",
                "/queries/doc-entity.rq", "/WEB-INF/web.xml"}) {
            HttpResponse<byte[]> r = web.get(path);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " gave " + r.statusCode());
            String body = text(r);
            assertFalse(body.contains("<project") || body.contains("root:") || body.contains("{{") || body.contains("CONSTRUCT"), path);
        }
    }

    @Test
    void updateWithoutCredentialsIsRefusedAndChangesNothing() throws Exception {
        long before = Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getUnionGraph().size());
        String drop = "DROP ALL";
        String insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
        for (String update : new String[] {drop, insert}) {
            assertEquals(401, post("/kg/update", "application/sparql-update", update, null).statusCode());
            assertEquals(401, post("/kg/update", "application/sparql-update", update, "curator:wrong").statusCode());
            assertEquals(401, post("/kg/update", "application/x-www-form-urlencoded",
                    "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8), null).statusCode());
            int onQuery = post("/kg/sparql", "application/sparql-update", update, null).statusCode();
            assertTrue(onQuery >= 400 && onQuery < 500, "update sent to the query endpoint: " + onQuery);
            int get = web.get("/kg/sparql?update=" + URLEncoder.encode(update, StandardCharsets.UTF_8)).statusCode();
            assertTrue(get >= 400 && get < 500, "update by GET: " + get);
        }
        assertEquals(before, (long) Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getUnionGraph().size()));
    }

    @Test
    void malformedProtocolRequestsAre4xxNever500() throws Exception {
        String[][] cases = {
                {"/kg/sparql", "text/plain", "ASK {}"},
                {"/kg/sparql", "application/x-www-form-urlencoded", "nothing=here"},
                {"/kg/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p"},
                {"/kg/sparql?query=ASK%7B%7D&query=ASK%7B%7D", "application/x-www-form-urlencoded", ""},
                {"/kg/query", "application/sparql-query; charset=ISO-8859-1", "ASK {}"},
        };
        for (String[] c : cases) {
            int status = post(c[0], c[1], c[2], null).statusCode();
            assertTrue(status >= 400 && status < 500, String.join(" | ", c) + " gave " + status);
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.origin() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            return WebClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // Jetty may close a connection after answering a malformed request without reading its
            // body, while the JDK client has already taken that pooled connection for this POST;
            // it retries only idempotent methods itself. The dead connection is gone now: send again.
            return WebClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
