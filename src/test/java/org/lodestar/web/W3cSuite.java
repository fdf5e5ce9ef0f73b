package org.lodestar.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;

/**
 * Runs the W3C SPARQL 1.1 Protocol and Service Description tests (manifests and data copied from
 * the W3C suite into {@code src/test/resources/w3c/}) against a running server: each request of a
 * test goes to the server with {@code /sparql/} mapped to the server's query or update endpoint,
 * and the answer is checked for the status class, the result format and the ASK value the
 * manifest expects. Used for Lodestar and, for comparison, for a stock Fuseki on the same data.
 */
final class W3cSuite {
    static final Path ROOT = Path.of("src/test/resources/w3c");
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    /** Where the tests go: the server, its endpoints, and the credentials updates need. */
    record Target(String origin, String queryPath, String updatePath, String user, String password, DatasetGraph dataset) {}

    record Request(String method, String path, Map<String, String> headers, byte[] body,
                   List<Integer> expectedStatus, String expectedFormat, Boolean expectedBoolean) {}

    record Case(String name, Map<String, Path> graphData, List<Request> requests) {
        boolean isUpdate() { return name.startsWith("update_") || name.startsWith("bad_update_"); }
    }

    /** @param failure null when the test passed */
    record Outcome(String name, String failure) {
        boolean passed() { return failure == null; }
    }

    /** A fresh client per request: a pooled connection that the server closed after an error is no test failure. */
    private static HttpClient http() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private W3cSuite() {}

    // ---- Protocol tests

    static List<Case> protocolCases() {
        Model m = RDFDataMgr.loadModel(ROOT.resolve("protocol/manifest.ttl").toUri().toString());
        Resource manifest = m.listSubjectsWithProperty(m.createProperty(MF + "entries")).next();
        List<Case> cases = new ArrayList<>();
        for (RDFNode entry : manifest.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class).asJavaList()) {
            Resource test = entry.asResource();
            Map<String, Path> data = new LinkedHashMap<>();
            for (Statement s : test.listProperties(m.createProperty(UT + "graphData")).toList()) {
                Resource gd = s.getResource();
                String file = gd.getPropertyResourceValue(m.createProperty(UT + "graph")).getURI();
                data.put(gd.getProperty(RDFS.label).getString(), Path.of(URI.create(file)));
            }
            Resource action = test.getPropertyResourceValue(m.createProperty(MF + "action"));
            List<Request> requests = new ArrayList<>();
            for (RDFNode r : action.getPropertyResourceValue(m.createProperty(HT + "requests")).as(RDFList.class).asJavaList())
                requests.add(request(m, r.asResource()));
            cases.add(new Case(test.getLocalName(), data, requests));
        }
        return cases;
    }

    private static Request request(Model m, Resource r) {
        Map<String, String> headers = new LinkedHashMap<>();
        Resource hs = r.getPropertyResourceValue(m.createProperty(HT + "headers"));
        if (hs != null)
            for (RDFNode h : hs.as(RDFList.class).asJavaList())
                headers.put(h.asResource().getProperty(m.createProperty(HT + "fieldName")).getString(),
                        h.asResource().getProperty(m.createProperty(HT + "fieldValue")).getString());
        byte[] body = null;
        Resource b = r.getPropertyResourceValue(m.createProperty(HT + "body"));
        if (b != null) {
            String encoding = b.getProperty(m.createProperty(CNT + "characterEncoding")).getString();
            body = b.getProperty(m.createProperty(CNT + "chars")).getString().getBytes(Charset.forName(encoding));
        }
        Resource resp = r.getPropertyResourceValue(m.createProperty(HT + "resp"));
        List<Integer> status = new ArrayList<>();
        for (Statement s : resp.listProperties(m.createProperty(MF + "expectedStatus")).toList())
            status.add(Integer.parseInt(s.getResource().getLocalName().replace("StatusCode", "").substring(0, 1)));
        Statement format = resp.getProperty(m.createProperty(MF + "expectedFormat"));
        Statement bool = resp.getProperty(m.createProperty(MF + "expectedBoolean"));
        return new Request(r.getProperty(m.createProperty(HT + "methodName")).getString(),
                r.getProperty(m.createProperty(HT + "absolutePath")).getString(), headers, body, status,
                format == null ? null : format.getString(), bool == null ? null : bool.getBoolean());
    }

    static Outcome run(Case c, Target t) {
        reset(t.dataset(), c.graphData());
        int i = 0;
        for (Request r : c.requests()) {
            i++;
            try {
                String failure = check(r, send(c, r, t));
                if (failure != null)
                    return new Outcome(c.name(), "request " + i + ": " + failure);
            } catch (Exception e) {
                return new Outcome(c.name(), "request " + i + ": " + e);
            }
        }
        return new Outcome(c.name(), null);
    }

    private static void reset(DatasetGraph dsg, Map<String, Path> data) {
        Txn.executeWrite(dsg, () -> {
            dsg.clear();
            data.forEach((name, file) -> {
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.source(file).lang(Lang.NTRIPLES).parse(g);
                Node gn = NodeFactory.createURI(name);
                g.find().forEachRemaining(tr -> dsg.add(gn, tr.getSubject(), tr.getPredicate(), tr.getObject()));
            });
        });
    }

    private static HttpResponse<byte[]> send(Case c, Request r, Target t) throws Exception {
        String contentType = r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        boolean update = c.isUpdate() && !contentType.startsWith("application/sparql-query");
        String path = (update ? t.updatePath() : t.queryPath()) + r.path().substring("/sparql/".length());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.origin() + path));
        r.headers().forEach(b::header);
        if (update && t.user() != null)
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((t.user() + ":" + t.password()).getBytes(StandardCharsets.UTF_8)));
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        return http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String check(Request r, HttpResponse<byte[]> resp) {
        int cls = resp.statusCode() / 100;
        String ct = resp.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").strip();
        String body = new String(resp.body(), StandardCharsets.UTF_8);
        String said = " (status " + resp.statusCode() + ", " + (ct.isEmpty() ? "no content type" : ct) + ": "
                + body.substring(0, Math.min(160, body.length())).replace('\n', ' ') + ")";
        if (!r.expectedStatus().contains(cls))
            return "expected status " + r.expectedStatus() + "xx" + said;
        if (r.expectedFormat() != null) {
            Lang lang = RDFLanguages.contentTypeToLang(ct);
            switch (r.expectedFormat()) {
                case "boolean" -> {
                    if (lang != ResultSetLang.RS_JSON && lang != ResultSetLang.RS_XML)
                        return "expected a boolean result (XML or JSON)" + said;
                    boolean value = ResultSetMgr.readBoolean(new ByteArrayInputStream(resp.body()), lang);
                    if (r.expectedBoolean() != null && value != r.expectedBoolean())
                        return "expected " + r.expectedBoolean() + said;
                }
                case "tabular" -> {
                    if (lang != ResultSetLang.RS_JSON && lang != ResultSetLang.RS_XML && lang != ResultSetLang.RS_CSV && lang != ResultSetLang.RS_TSV)
                        return "expected tabular results (XML, JSON, CSV or TSV)" + said;
                    ResultSetMgr.read(new ByteArrayInputStream(resp.body()), lang).rewindable();
                }
                case "RDF" -> {
                    if (lang == null || !RDFLanguages.isTriples(lang))
                        return "expected RDF" + said;
                    RDFParser.source(new ByteArrayInputStream(resp.body())).lang(lang).parse(GraphFactory.createDefaultGraph());
                }
                default -> throw new IllegalStateException("unknown expected format " + r.expectedFormat());
            }
        }
        return null;
    }

    // ---- Service description tests

    static List<String> serviceDescriptionCases() {
        Model m = RDFDataMgr.loadModel(ROOT.resolve("service-description/manifest.ttl").toUri().toString());
        Resource manifest = m.listSubjectsWithProperty(m.createProperty(MF + "entries")).next();
        return manifest.getPropertyResourceValue(m.createProperty(MF + "entries")).as(RDFList.class).asJavaList()
                .stream().map(n -> n.asResource().getLocalName()).toList();
    }

    /** GET on the query endpoint with no query, then the check the test names. */
    static Outcome runServiceDescription(String name, Target t) {
        String endpoint = t.origin() + t.queryPath();
        try {
            HttpResponse<byte[]> resp = http().send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String ct = resp.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").strip();
            Lang lang = RDFLanguages.contentTypeToLang(ct);
            if (resp.statusCode() != 200 || lang == null || !RDFLanguages.isTriples(lang))
                return new Outcome(name, "GET " + endpoint + " gave status " + resp.statusCode() + ", " + ct);
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(resp.body())).lang(lang).base(endpoint).parse(g);
            Node sdEndpoint = NodeFactory.createURI(SD + "endpoint");
            return switch (name) {
                case "returns-rdf" -> new Outcome(name, g.isEmpty() ? "empty graph" : null);
                case "has-endpoint-triple" -> new Outcome(name, g.contains(Node.ANY, sdEndpoint, NodeFactory.createURI(endpoint))
                        ? null : "no sd:endpoint <" + endpoint + ">");
                case "conforms-to-schema" -> {
                    Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(ROOT.resolve("service-description/sd-shapes.ttl").toString()));
                    var report = ShaclValidator.get().validate(shapes, g);
                    boolean service = g.contains(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), NodeFactory.createURI(SD + "Service"));
                    yield new Outcome(name, !service ? "no sd:Service" : report.conforms() ? null : report.getEntries().toString());
                }
                default -> throw new IllegalStateException("unknown test " + name);
            };
        } catch (Exception e) {
            return new Outcome(name, e.toString());
        }
    }

    static Property p(Model m, String iri) { return m.createProperty(iri); }
}
