package org.lodestar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes, tested as data. Cases are found by directory convention under
 * {@code src/test/resources/shape-cases/}:
 * <ul>
 * <li>{@code valid/NAME.ttl} must conform: no result of any severity;</li>
 * <li>{@code invalid/NAME.ttl} must give exactly the results listed in {@code invalid/NAME.expected}.</li>
 * </ul>
 * Each case is validated as the application does it: the case data merged with {@code ontology/*.ttl}
 * into one graph, against all {@code shapes/*.ttl} merged into one shapes graph.
 *
 * <p>An {@code .expected} file has one line per expected result, four fields separated by tabs or
 * spaces: focus node, source shape, constraint component, severity, e.g.
 * <pre>
 * concept:alignment-faking  shape:Entity-label  MinCountConstraintComponent  Violation
 * </pre>
 * Nodes are {@code <full-IRI>}, a prefixed name using the prefixes of the case file or of the shapes,
 * or {@code _:} for any blank node. Component and severity are local names in the {@code sh:}
 * namespace. Lines starting with {@code #} and blank lines are ignored. Expected and actual results
 * are compared as sets.
 */
class ShapesAsDataTest {

    private static final Path ONTOLOGY = Path.of("ontology");
    private static final Path SHAPES = Path.of("shapes");
    private static final Path CASES = Path.of("src", "test", "resources", "shape-cases");
    private static final String KG = "https://w3id.org/lodestar/ns#";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String BLANK = "_:";

    private static Graph ontology;
    private static Graph shapesGraph;
    private static Shapes shapes;

    /** One validation result, reduced to what an {@code .expected} line states. */
    private record Result(String focus, String shape, String component, String severity) {
        String format(PrefixMapping prefixes) {
            return String.join("\t", shortForm(focus, prefixes), shortForm(shape, prefixes),
                    component.substring(SH.length()), severity.substring(SH.length()));
        }
    }

    @BeforeAll
    static void loadOntologyAndShapes() throws IOException {
        ontology = readAll(ONTOLOGY);
        shapesGraph = readAll(SHAPES);
        shapes = Shapes.parse(shapesGraph);
    }

    // ---- cases as data

    static Stream<Named<Path>> validCases() throws IOException {
        return cases("valid");
    }

    static Stream<Named<Path>> invalidCases() throws IOException {
        return cases("invalid");
    }

    @ParameterizedTest(name = "valid/{0}")
    @MethodSource("validCases")
    void validCaseConforms(Path file) {
        Graph data = read(file);
        ValidationReport report = validate(data);
        assertTrue(report.conforms(), () -> file + " should conform, but gives:\n" + messages(report, prefixes(data)));
    }

    @ParameterizedTest(name = "invalid/{0}")
    @MethodSource("invalidCases")
    void invalidCaseGivesExactlyTheExpectedResults(Path file) throws IOException {
        Graph data = read(file);
        PrefixMapping prefixes = prefixes(data);
        Path expectedFile = sibling(file, ".expected");
        assertTrue(Files.exists(expectedFile), () -> "missing " + expectedFile);
        Set<Result> expected = readExpected(expectedFile, prefixes);
        assertFalse(expected.isEmpty(), () -> expectedFile + " lists no result: an invalid case must fail");

        ValidationReport report = validate(data);
        Set<Result> actual = results(report);
        if (!expected.equals(actual)) {
            Set<Result> missing = new HashSet<>(expected);
            missing.removeAll(actual);
            Set<Result> unexpected = new HashSet<>(actual);
            unexpected.removeAll(expected);
            fail(file + " does not give the results of " + expectedFile.getFileName()
                    + "\nmissing:\n" + lines(missing, prefixes)
                    + "unexpected:\n" + lines(unexpected, prefixes)
                    + "actual, with messages:\n" + messages(report, prefixes));
        }
    }

    @Test
    void everyExpectedFileHasItsCase() throws IOException {
        try (Stream<Path> files = Files.list(CASES.resolve("invalid"))) {
            files.filter(f -> f.toString().endsWith(".expected"))
                 .forEach(f -> assertTrue(Files.exists(sibling(f, ".ttl")), () -> f + " has no .ttl case"));
        }
    }

    // ---- the ontology against its own shapes, and against the spec

    @Test
    void ontologyAloneConformsToOntologyShapes() {
        Shapes ontologyShapes = Shapes.parse(read(SHAPES.resolve("ontology.ttl")));
        ValidationReport report = ShaclValidator.get().validate(ontologyShapes, ontology);
        assertTrue(report.conforms(), () -> "ontology/ does not conform to shapes/ontology.ttl:\n"
                + messages(report, ontology.getPrefixMapping()));
    }

    /** The spec's edge vocabulary: key → property, domain classes, range classes, symmetric. */
    private static final Map<String, String> EDGES = Map.ofEntries(
            Map.entry("studies", "studies Thinker,Paper Entity"),
            Map.entry("associated_with", "associatedWith Entity Entity symmetric"),
            Map.entry("analogous_to", "analogousTo Entity Entity symmetric"),
            Map.entry("extends", "extends Entity Entity"),
            Map.entry("introduces", "introduces Paper,Thinker Entity"),
            Map.entry("authored_by", "authoredBy Paper,Artifact,Quote Thinker"),
            Map.entry("instance_of", "instanceOf Entity Entity"),
            Map.entry("supports", "supports Claim,Paper,Quote,Artifact Entity"),
            Map.entry("contradicts", "contradicts Claim,Paper,Quote,Artifact Entity"),
            Map.entry("addresses", "addresses Framework,Method,Paper,Artifact Concept,Question"),
            Map.entry("motivates", "motivates Entity Entity"),
            Map.entry("cites", "cites Paper,Artifact Entity"),
            Map.entry("uses", "uses Entity Method,Framework,Artifact"),
            Map.entry("part_of", "partOf Entity Entity"));

    /** The spec's classes: type key → class, heading, view order. */
    private static final Map<String, String> TYPES = Map.of(
            "paper", "Paper Papers 1", "thinker", "Thinker Thinkers 2", "framework", "Framework Frameworks 3",
            "method", "Method Methods 4", "concept", "Concept Concepts 5", "question", "Question Questions 6",
            "claim", "Claim Claims 7", "artifact", "Artifact Artifacts 8", "quote", "Quote Quotes 9");

    @Test
    void ontologyHasTheSpecEdgeKeys() {
        Model m = ModelFactory.createModelForGraph(ontology);
        Map<String, String> actual = new TreeMap<>();
        m.listResourcesWithProperty(m.createProperty(KG, "key")).forEach(p -> {
            String symmetric = p.hasProperty(RDF.type, OWL.SymmetricProperty) ? " symmetric" : "";
            actual.put(p.getProperty(m.createProperty(KG, "key")).getString(),
                    local(p) + " " + classes(p.getPropertyResourceValue(RDFS.domain)) + " "
                            + classes(p.getPropertyResourceValue(RDFS.range)) + symmetric);
        });
        assertEquals(new TreeMap<>(EDGES), actual);
    }

    @Test
    void ontologyHasTheSpecTypeKeys() {
        Model m = ModelFactory.createModelForGraph(ontology);
        Map<String, String> actual = new TreeMap<>();
        m.listResourcesWithProperty(m.createProperty(KG, "typeKey")).forEach(c -> {
            RDFNode order = c.hasProperty(m.createProperty(KG, "viewOrder"))
                    ? c.getProperty(m.createProperty(KG, "viewOrder")).getObject() : null;
            actual.put(c.getProperty(m.createProperty(KG, "typeKey")).getString(),
                    local(c) + " " + c.getProperty(m.createProperty(KG, "heading")).getString()
                            + (order == null ? "" : " " + order.asLiteral().getInt()));
        });
        Map<String, String> expected = new TreeMap<>(TYPES);
        expected.put("entity", "Entity Entities");
        assertEquals(expected, actual);
    }

    // ---- the shapes document themselves

    @Test
    void everyPropertyShapeHasNameAndDescription() {
        String query = """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                SELECT ?shape WHERE {
                    ?shape sh:path ?path .
                    FILTER NOT EXISTS { ?shape sh:name ?name ; sh:description ?description }
                }""";
        List<String> undocumented = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.create(query, ModelFactory.createModelForGraph(shapesGraph))) {
            qe.execSelect().forEachRemaining(row -> undocumented.add(row.get("shape").toString()));
        }
        assertEquals(List.of(), undocumented, "property shapes without sh:name or sh:description");
    }

    // ---- helpers

    /** Validates as the application does: data and ontology merged into one graph, all shapes. */
    private static ValidationReport validate(Graph data) {
        Graph all = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(all::add);
        data.find().forEachRemaining(all::add);
        return ShaclValidator.get().validate(shapes, all);
    }

    private static Set<Result> results(ValidationReport report) {
        return report.getEntries().stream().map(ShapesAsDataTest::result).collect(Collectors.toSet());
    }

    private static Result result(ReportEntry e) {
        return new Result(key(e.focusNode()), key(e.source()), e.sourceConstraintComponent().getURI(),
                e.severity().level().getURI());
    }

    /** Every result in the {@code .expected} format, followed by its message. */
    private static String messages(ValidationReport report, PrefixMapping prefixes) {
        StringBuilder sb = new StringBuilder();
        for (ReportEntry e : report.getEntries())
            sb.append("  ").append(result(e).format(prefixes)).append("\t# ").append(e.message()).append('\n');
        return sb.toString();
    }

    /** A node as the comparison sees it: the IRI, or one marker for all blank nodes (their labels are not stable). */
    private static String key(Node node) {
        return node.isBlank() ? BLANK : node.isURI() ? node.getURI() : node.toString();
    }

    private static String shortForm(String key, PrefixMapping prefixes) {
        if (key.equals(BLANK))
            return BLANK;
        String s = prefixes.shortForm(key);
        return s.equals(key) ? "<" + key + ">" : s;
    }

    private static Set<Result> readExpected(Path file, PrefixMapping prefixes) throws IOException {
        Set<Result> expected = new HashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
                continue;
            String[] f = line.split("\\s+");
            String place = file + ":" + (i + 1) + ": ";
            if (f.length != 4)
                fail(place + "expected 4 fields (focus, shape, component, severity), got " + f.length);
            expected.add(new Result(expand(f[0], prefixes, place), expand(f[1], prefixes, place),
                    SH + f[2], SH + f[3]));
        }
        return expected;
    }

    private static String expand(String token, PrefixMapping prefixes, String place) {
        if (token.startsWith(BLANK))
            return BLANK;
        if (token.startsWith("<") && token.endsWith(">"))
            return token.substring(1, token.length() - 1);
        String iri = prefixes.expandPrefix(token);
        if (iri.equals(token))
            fail(place + "unknown prefix in " + token);
        return iri;
    }

    private static String lines(Set<Result> results, PrefixMapping prefixes) {
        return results.stream().map(r -> "  " + r.format(prefixes) + "\n").sorted().collect(Collectors.joining());
    }

    /** The shapes' prefixes (for shape:), then the case file's, which win on a clash. */
    private static PrefixMapping prefixes(Graph data) {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefixes(shapesGraph.getPrefixMapping());
        pm.setNsPrefixes(data.getPrefixMapping());
        return pm;
    }

    private static String classes(Resource domainOrRange) {
        if (domainOrRange == null)
            return "-";
        if (!domainOrRange.hasProperty(OWL.unionOf))
            return local(domainOrRange);
        return domainOrRange.getPropertyResourceValue(OWL.unionOf).as(RDFList.class)
                .asJavaList().stream().map(n -> local(n.asResource())).collect(Collectors.joining(","));
    }

    private static String local(Resource r) {
        return r.getURI().startsWith(KG) ? r.getURI().substring(KG.length()) : r.getURI();
    }

    private static Stream<Named<Path>> cases(String dir) throws IOException {
        try (Stream<Path> files = Files.list(CASES.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".ttl")).sorted()
                        .map(f -> Named.of(f.getFileName().toString(), f)).toList().stream();
        }
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    private static Graph read(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static Graph readAll(Path dir) throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> ttl = files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList();
            assertFalse(ttl.isEmpty(), () -> "no .ttl files in " + dir);
            for (Path f : ttl)
                RDFParser.source(f).lang(Lang.TURTLE).parse(g);
        }
        return g;
    }
}
