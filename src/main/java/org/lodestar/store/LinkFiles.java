package org.lodestar.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.SKOS;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.validate.Finding;
import org.lodestar.validate.ShapesValidator;

/**
 * Links out: the {@code *.ttl} files beside the seed pages (in the folders the pages were read
 * from), one graph {@code {base}graph/links}. Relative IRIs resolve against the base. Each triple
 * must be a link (owl:sameAs, skos:exactMatch, skos:closeMatch); the shapes check the targets;
 * anything wrong fails the build with the file named. A link from an IRI that is no entity of the
 * pages being built is left out, so that building some of the pages of a folder still works
 * (a strict build fails on it instead: it may be a typo).
 */
final class LinkFiles {
    static final Set<Node> PREDICATES = Set.of(OWL2.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());

    private LinkFiles() {}

    static Node graphName(Uris uris) { return NodeFactory.createURI(uris.base() + "graph/links"); }

    /**
     * @param isEntity whether a node is an entity of the pages being built
     * @return the links graph, or null when there are no links
     */
    static Graph read(List<SeedFile> pages, Predicate<Node> isEntity, Ontology ontology, Uris uris, boolean strict)
            throws BuildFailedException {
        List<Path> files = files(pages);
        if (files.isEmpty())
            return null;
        Graph links = GraphFactory.createDefaultGraph();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            Graph g = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(file).lang(Lang.TURTLE).base(uris.base()).parse(g);
            } catch (RiotException e) {
                errors.add(file + ": error: " + e.getMessage());
                continue;
            }
            for (Triple t : g.find().toList()) {
                if (!PREDICATES.contains(t.getPredicate()))
                    errors.add(file + ": error: " + t.getPredicate() + " is not a link predicate (owl:sameAs, skos:exactMatch, skos:closeMatch)");
                else if (!isEntity.test(t.getSubject())) {
                    if (strict)
                        errors.add(file + ": error: " + t.getSubject() + " is not an entity of the seed pages");
                } else
                    links.add(t);
            }
        }
        for (Finding f : ShapesValidator.load().validate(List.of(links), ontology.graph(), java.util.Map.of()))
            errors.add(files.get(0).getParent() + "/*.ttl: " + f);
        if (!errors.isEmpty())
            throw new BuildFailedException("build failed; the database was not changed", errors);
        return links.isEmpty() ? null : links;
    }

    /** The *.ttl files directly in each folder the pages were read from, in name order. */
    static List<Path> files(List<SeedFile> pages) throws BuildFailedException {
        Set<Path> folders = new LinkedHashSet<>();
        for (SeedFile page : pages) {
            Path folder = Path.of(page.display());
            for (int i = 0; i < page.name().split("/").length && folder != null; i++)
                folder = folder.getParent();
            folders.add(folder == null ? Path.of(".") : folder);
        }
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder))
                continue;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".ttl") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new BuildFailedException("build failed; the database was not changed", List.of(folder + ": cannot read: " + e.getMessage()));
            }
        }
        return files;
    }
}
