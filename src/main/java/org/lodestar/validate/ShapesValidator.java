package org.lodestar.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lodestar.ontology.KG;
import org.lodestar.seed.Severity;
import org.lodestar.util.ClasspathFolder;

/**
 * Checks data against the shapes in {@code shapes/}. The data is always checked together with the
 * ontology, because the shapes read domains, ranges and keys from it.
 */
public final class ShapesValidator {
    public static final String FOLDER = "shapes";

    /** Pages checked together: enough that each check's fixed cost is spread, few enough to keep the copies small. */
    static final int CHUNK = 400;

    /**
     * How a chunk is checked. Both find the same; {@link #JENA_SHACL} is kept as the reference
     * that tests and the measurement compare with.
     */
    enum Engine {
        /** jena-shacl alone, with all the shapes: each SPARQL constraint runs once per focus node. */
        JENA_SHACL,
        /** The SPARQL constraints that allow it run once per chunk ({@link SplitShapes}); jena-shacl does the rest. */
        WHOLE_GRAPH
    }

    private final Shapes shapes;
    private final SplitShapes split;
    private final Engine engine;
    private final PrefixMap prefixes;
    private final String fingerprint;

    private ShapesValidator(Graph shapesGraph, String fingerprint, Engine engine) {
        this.shapes = Shapes.parse(shapesGraph);
        this.split = SplitShapes.of(shapes);
        this.engine = engine;
        this.prefixes = Prefixes.adapt(shapesGraph.getPrefixMapping());
        this.fingerprint = fingerprint;
    }

    public static ShapesValidator load() {
        return load(Engine.WHOLE_GRAPH);
    }

    static ShapesValidator load(Engine engine) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : ClasspathFolder.list(FOLDER, ".ttl"))
            files.put(file, ClasspathFolder.read(file));
        return of(files, engine);
    }

    /** A validator of the given shape files (name → Turtle), in their order: the measurement's baseline reads another version's. */
    static ShapesValidator of(Map<String, String> files, Engine engine) {
        Graph g = GraphFactory.createDefaultGraph();
        StringBuilder text = new StringBuilder();
        files.forEach((file, turtle) -> {
            text.append(file).append('\n').append(turtle).append('\n');
            RDFParser.fromString(turtle, Lang.TURTLE).base(KG.ONTOLOGY_IRI).parse(g);
        });
        text.append(DerivedQueries.texts());
        return new ShapesValidator(g, org.lodestar.rdf.Uris.hash(text.toString(), 64), engine);
    }

    /**
     * Changes whenever a shape file (or a derived form of a shape query, {@code queries/shape-*.rq})
     * does: a build then checks every page again, not only changed ones.
     */
    public String fingerprint() { return fingerprint; }

    /**
     * Checks each graph on its own: as {@link #validateTogether} with one graph per unit.
     *
     * @param locations where each node came from ({@code file:line}); nodes not in it are reported by name
     */
    public List<Finding> validate(List<Graph> data, Graph ontology, Map<Node, String> locations) {
        return validateTogether(data.stream().map(List::of).toList(), ontology, locations);
    }

    /**
     * Checks the graphs some hundreds at a time, two checks at once, each with the ontology: no
     * shape needs graphs of two units at once, so the findings are those of one check of all of
     * them together, while far fewer copies are held. A unit's graphs are always checked together.
     *
     * @param units the graphs, in the units that must be checked together
     * @param locations where each node came from ({@code file:line}); nodes not in it are reported by name
     */
    public List<Finding> validateTogether(List<List<Graph>> units, Graph ontology, Map<Node, String> locations) {
        return validateTogether(units, ontology, locations, CHUNK);
    }

    List<Finding> validateTogether(List<List<Graph>> units, Graph ontology, Map<Node, String> locations, int chunkSize) {
        List<List<Graph>> chunks = new ArrayList<>();
        List<Graph> chunk = new ArrayList<>();
        for (List<Graph> unit : units) {
            chunk.addAll(unit);
            if (chunk.size() >= chunkSize) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty() || chunks.isEmpty())
            chunks.add(chunk);
        // A node two chunks hold is reported by both: the same result (value included) is one.
        record Result(Finding finding, Node value) {}
        return chunks.parallelStream()
                .flatMap(c -> check(c, ontology).stream().map(e -> new Result(finding(e, locations), e.value())))
                .distinct()
                .map(Result::finding)
                .sorted(Finding.ORDER)
                .toList();
    }

    private Collection<ReportEntry> check(List<Graph> pages, Graph ontology) {
        Graph all = GraphFactory.createDefaultGraph();
        pages.forEach(g -> g.find().forEachRemaining(all::add));
        ontology.find().forEachRemaining(all::add);
        return engine == Engine.JENA_SHACL ? ShaclValidator.get().validate(shapes, all).getEntries() : split.check(all);
    }

    /** The shapes split for {@link Engine#WHOLE_GRAPH}, for tests. */
    SplitShapes split() { return split; }

    private Finding finding(ReportEntry e, Map<Node, String> locations) {
        Severity severity = e.severity() == org.apache.jena.shacl.validation.Severity.Violation ? Severity.ERROR : Severity.WARNING;
        String place = locations.getOrDefault(e.focusNode(),
                e.focusNode().isURI() && e.focusNode().getURI().startsWith(KG.NS) ? "ontology" : "data");
        String path = e.resultPath() == null ? "" : e.resultPath().toString(new Prologue(Prefixes.adapt(prefixes)));
        String shape = e.source() == null ? "" : NodeFmtLib.str(e.source(), prefixes);
        return new Finding(severity, place, NodeFmtLib.str(e.focusNode(), prefixes), path, e.message(), shape);
    }
}
