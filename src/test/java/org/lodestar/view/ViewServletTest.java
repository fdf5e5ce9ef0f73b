package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.web.LodestarServer;
import org.lodestar.web.ServerSettings;

/** /view/{type}/{slug} on the real embedded Fuseki, on a free port: the seeds plus a generated hub. */
class ViewServletTest {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static KnowledgeStore store;
    static FusekiServer server;

    @BeforeAll
    static void start() throws Exception {
        List<SeedFile> pages = new ArrayList<>(SeedFiles.folder(Path.of("seeds")));
        pages.addAll(Hub.pages(120));
        store = ViewFixtures.build(pages);
        server = LodestarServer.start(new ServerSettings(0, null, Path.of("seeds"), ViewFixtures.BASE, null, 10_000), store);
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path));
        if (accept != null)
            b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void textIsTheSeedFormat() throws Exception {
        HttpResponse<String> r = get("/view/concept/compliance-gap.txt", FIREFOX);
        assertEquals(200, r.statusCode());
        assertEquals("text/plain; charset=utf-8", header(r, "Content-Type").toLowerCase().replace(";charset", "; charset"));
        assertEquals(ViewFixtures.text(store, "concept:compliance-gap"), r.body());
        assertEquals(null, header(r, "Vary"), "a fixed format does not vary");
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
    }

    @Test
    void jsonCarriesTheFields() throws Exception {
        HttpResponse<String> r = get("/view/concept/alignment-faking.json", null);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("application/json"));
        JsonObject o = JSON.parse(r.body());
        assertEquals("concept:alignment-faking", o.getString("id"));
        assertEquals(ViewFixtures.BASE + "id/concept/alignment-faking", o.getString("uri"));
        assertEquals("paper", o.get("groups").getAsArray().get(0).getAsObject().getString("type"));
        assertEquals(8, o.getObj("similar").get("members").getAsArray().size());
    }

    @Test
    void htmlLinksEveryNeighbourAndTheData() throws Exception {
        HttpResponse<String> r = get("/view/concept/alignment-faking.html", null);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<a href=\"/view/thinker/evan-hubinger\">Evan Hubinger</a>"), html);
        assertTrue(html.contains("<a href=\"/view/claim/the-alignment-faking-setup-functions-as-an-effective-jailbreak-for-harmful-query-compliance\">"), html);
        assertTrue(html.contains("href=\"/doc/concept/alignment-faking.ttl\""), html);
        // the link of a neighbour leads to its own view
        assertEquals(200, get("/view/thinker/evan-hubinger", FIREFOX).statusCode());
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | 200 | text/html",
            "*/*                                                             | 200 | application/json",
            "NULL                                                            | 200 | application/json",
            "application/json                                                | 200 | application/json",
            "text/plain                                                      | 200 | text/plain",
            "image/png                                                       | 406 | text/plain",
            "text/turtle                                                     | 406 | text/plain",
    })
    void negotiates(String accept, int status, String type) throws Exception {
        HttpResponse<String> r = get("/view/concept/alignment-faking", accept);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(header(r, "Content-Type").startsWith(type), header(r, "Content-Type"));
        assertEquals("Accept", header(r, "Vary"));
        if (status == 406)
            assertTrue(r.body().contains("application/json"), "a 406 names what is offered: " + r.body());
        else
            assertTrue(header(r, "Content-Location").startsWith("/view/concept/alignment-faking."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/view/concept/no-such-entity",
            "/view/concept/no-such-entity.json",
            "/view/concept/Alignment-Faking",
            "/view/concept/alignment_faking",
            "/view/widget/alignment-faking",
            "/view/concept/alignment-faking.ttl",
            "/view/concept/alignment-faking.json.txt",
            "/view/concept",
            "/view/concept/alignment-faking/more",
            "/view/",
    })
    void unknownOrMalformedIsNotFound(String path) throws Exception {
        assertEquals(404, get(path, null).statusCode(), path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"?page=0", "?page=two", "?group=widget", "?group=entity", "?threshold=2", "?threshold=high"})
    void badParametersAreBadRequests(String query) throws Exception {
        HttpResponse<String> r = get("/view/concept/hub.json" + query, null);
        assertEquals(400, r.statusCode());
        String name = query.substring(1, query.indexOf('='));
        assertTrue(r.body().startsWith(name + ":"), "the message names the parameter: " + r.body());
    }

    @Test
    void aHubLinksToItsNextPageAndThatPageIsServed() throws Exception {
        HttpResponse<String> first = get("/view/concept/hub", FIREFOX);
        assertEquals(200, first.statusCode());
        String html = first.body();
        assertTrue(html.contains("Concepts (120)"), html);
        String href = "?group&#61;concept&amp;page&#61;2";
        assertTrue(html.contains("<a rel=\"next\" href=\"" + href + "\">"), html);
        // what a browser makes of the link, relative to the page's own URL
        String next = "/view/concept/hub" + href.replace("&#61;", "=").replace("&amp;", "&");
        HttpResponse<String> second = get(next, FIREFOX);
        assertEquals(200, second.statusCode());
        assertTrue(second.body().contains("<ol start=\"51\">"), second.body());
        assertTrue(second.body().contains("<a rel=\"prev\""), second.body());
        JsonObject json = JSON.parse(get("/view/concept/hub.json?group=concept&page=3", null).body());
        JsonObject group = json.get("groups").getAsArray().get(0).getAsObject();
        assertEquals(20, group.get("members").getAsArray().size());
        assertEquals(120, group.get("count").getAsNumber().value().intValue());
        assertTrue(group.get("next").isNull());
    }

    @Test
    void anUnchangedViewAnswers304() throws Exception {
        HttpResponse<String> r = get("/view/concept/compliance-gap.json", null);
        String etag = header(r, "ETag");
        HttpRequest again = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/view/concept/compliance-gap.json"))
                .header("If-None-Match", etag).build();
        assertEquals(304, http.send(again, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
