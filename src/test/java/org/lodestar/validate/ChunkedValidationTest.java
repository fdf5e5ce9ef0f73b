package org.lodestar.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.bench.Generator;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.PipelineResult;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Conversion;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.Severity;

/** Checking pages a chunk at a time finds exactly what one check of all of them together finds. */
class ChunkedValidationTest {
    @TempDir
    Path dir;

    @Test
    void chunksFindWhatOneWholeCheckFinds() throws Exception {
        Ontology ontology = Ontology.load();
        ShapesValidator shapes = ShapesValidator.load();
        new Generator(ontology).generate(120, 11, dir);
        PipelineResult result = new Pipeline(ontology, shapes, new Uris("http://localhost:8080/"))
                .run(SeedFiles.folder(dir), false);
        Conversion conversion = result.conversion();
        List<Graph> pages = new ArrayList<>();
        for (Graph g : conversion.graphs().values()) {
            Graph copy = GraphFactory.createDefaultGraph();
            g.find().forEachRemaining(copy::add);
            pages.add(copy);
        }
        // Defects in pages far apart, so that different chunks hold them, each on an entity that only
        // its page mentions (the converter gives every page the same type, label and identifier of an
        // entity, so no other defect can be on one page alone): a blank label and an identifier of
        // the wrong type (errors), and a page entity without its description (a warning).
        addEntity(pages.get(3), "concept/blank-label", " ", "concept:blank-label");
        addEntity(pages.get(pages.size() / 2), "concept/wrong-type", "Wrong Type", "paper:wrong-type");
        dropDescription(pages.get(pages.size() - 2));

        List<List<Graph>> units = pages.stream().map(List::of).toList();
        List<Finding> whole = shapes.validateTogether(units, ontology.graph(), conversion.locations(), Integer.MAX_VALUE);
        List<Finding> chunked = shapes.validateTogether(units, ontology.graph(), conversion.locations(), 7);
        assertEquals(whole, chunked);
        assertTrue(whole.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.shape().contains("Entity-label")), whole.toString());
        assertTrue(whole.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.shape().contains("EntityIdentifierType")),
                whole.toString());
        assertTrue(whole.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.shape().contains("PageEntity-description")),
                whole.toString());
        assertTrue(whole.size() >= 3, whole.toString());
    }

    /**
     * Two pages can describe one entity: a page without an explicit id whose type and label are
     * another page's. Only the two together break "one seed page" and "one status", so the build
     * checks them together however far apart they are, and whichever of them changed.
     */
    @Test
    void pagesThatDescribeOneEntityAreCheckedTogether() throws Exception {
        Ontology ontology = Ontology.load();
        Pipeline pipeline = new Pipeline(ontology, ShapesValidator.load(), new Uris("http://localhost:8080/"));
        new Generator(ontology).generate(ShapesValidator.CHUNK + ShapesValidator.CHUNK / 4, 12, dir);
        Conversion first = pipeline.run(SeedFiles.folder(dir), false).conversion();
        String original = first.described().keySet().stream()
                .filter(name -> first.described().get(name).getURI().contains("/id/concept/")).findFirst().orElseThrow();
        Node entity = first.described().get(original);
        String label = first.graphs().get(original).find(entity, RDFS.label.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm();
        // last in reading order, so hundreds of pages from the original
        java.nio.file.Files.writeString(dir.resolve("zzzz-second-page.txt"), "concept\nsecond-status\n" + label
                + "\nThe same concept, described again\nNeighborhood — ranked by edge-count\n");

        PipelineResult all = pipeline.run(SeedFiles.folder(dir), true);
        assertTrue(all.conversion().described().values().stream().filter(entity::equals).count() == 2, "two pages, one entity");
        String focus = "<" + entity.getURI() + ">";
        assertTrue(all.findings().stream().anyMatch(f -> f.focus().equals(focus) && f.shape().contains("PageEntity-onePage")),
                all.findings().toString());
        assertTrue(all.findings().stream().anyMatch(f -> f.focus().equals(focus) && f.severity() == Severity.ERROR
                && f.shape().contains("Entity-status")), all.findings().toString());
        // a build that checks only the new page still checks the original with it
        List<Finding> changedOnly = pipeline.check(all.conversion(), List.of("zzzz-second-page.txt"), org.lodestar.pipeline.PhaseClock.NONE);
        assertTrue(changedOnly.stream().anyMatch(f -> f.focus().equals(focus) && f.shape().contains("Entity-status")), changedOnly.toString());
    }

    private static void addEntity(Graph g, String path, String label, String id) {
        Node entity = NodeFactory.createURI("http://localhost:8080/id/" + path);
        g.add(Triple.create(entity, RDF.type.asNode(), NodeFactory.createURI(KG.NS + "Concept")));
        g.add(Triple.create(entity, RDFS.label.asNode(), NodeFactory.createLiteralString(label)));
        g.add(Triple.create(entity, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(id)));
    }

    private static void dropDescription(Graph g) {
        g.find(Node.ANY, DCTerms.description.asNode(), Node.ANY).toList().forEach(g::delete);
    }

}
