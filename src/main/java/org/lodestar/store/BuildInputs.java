package org.lodestar.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.SeedParser;
import org.lodestar.similarity.Progress;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.util.CodeFingerprint;
import org.lodestar.validate.ShapesValidator;

/**
 * A digest of everything a build reads: every page's name and bytes, the link files beside them,
 * the code that parses, converts, checks and derives, the ontology and shapes, the base, whether
 * it is strict, and the similarity settings. When the derived graph records the same digest, with
 * the SPARQL update token it holds now, the build has nothing to do: the pages would convert to the
 * graphs already stored, and derive to the same derived data.
 */
final class BuildInputs {
    /** The code whose output the stored graphs are: parser, converter, shapes checker, this package, similarity. */
    private static final String CODE = CodeFingerprint.of(
            List.of(SeedParser.class, Uris.class, ShapesValidator.class, Pipeline.class, BuildInputs.class, SimilaritySettings.class),
            List.of("ontology", "shapes"));

    private final String digest, environment;
    private final Map<String, String> pages;

    private BuildInputs(String digest, String environment, Map<String, String> pages) {
        this.digest = digest;
        this.environment = environment;
        this.pages = pages;
    }

    /** The digest of a page's bytes (SHA-256, hexadecimal), by its name. */
    String page(String name) { return pages.get(name); }

    /** Every page's name and digest. */
    Map<String, String> pages() { return pages; }

    static BuildInputs of(List<SeedFile> files, PageDigests digests, Pipeline pipeline, boolean strict,
                          SimilaritySettings similarity, Progress progress) {
        String[] pages = new String[files.size()];
        try (Progress.Bar bar = progress.start("hash", files.size(), "pages")) {
            // in parallel: reading the files is most of it
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                SeedFile f = files.get(i);
                pages[i] = f.name() + " " + digests.digest(f);
                bar.step(1);
            });
        }
        digests.save();
        StringBuilder env = new StringBuilder(256);
        env.append("code ").append(CODE).append("\nbase ").append(pipeline.uris().base()).append("\nstrict ").append(strict)
                .append("\nsimilarity ").append(similarity.mode().word()).append(' ').append(similarity.thresholdLexical())
                .append(' ').append(similarity.k()).append('\n');
        for (Path links : linkFiles(files))
            env.append(links).append(' ').append(bytesHash(links)).append('\n');
        String environment = Uris.hash(env.toString(), 32);
        StringBuilder all = new StringBuilder(100 * files.size() + 64).append(environment).append('\n');
        Map<String, String> byName = new HashMap<>(files.size() * 4 / 3 + 1);
        for (String page : pages) {
            all.append(page).append('\n');
            int space = page.lastIndexOf(' ');
            byName.put(page.substring(0, space), page.substring(space + 1));
        }
        return new BuildInputs(Uris.hash(all.toString(), 64), environment, byName);
    }

    /** True when the last build recorded these inputs and no SPARQL update came after it. */
    boolean sameAs(DatasetGraph dataset, Node derivedGraph) {
        return dataset.contains(derivedGraph, derivedGraph, KG.buildInputs, literal(dataset, derivedGraph));
    }

    /**
     * True when the last build ran with the same code, settings and link files, and no SPARQL
     * update came after it: then only the pages can differ, and each page's own digest says which.
     */
    boolean sameEnvironment(DatasetGraph dataset, Node derivedGraph) {
        String recorded = Derivation.value(dataset, derivedGraph, KG.buildInputs, "");
        String now = literal(dataset, derivedGraph).getLiteralLexicalForm();
        return recorded.endsWith(now.substring(now.indexOf(" env ")));
    }

    /** Records the inputs on the derived graph, in the build's write transaction. */
    void record(DatasetGraph dataset, Node derivedGraph) {
        Node value = literal(dataset, derivedGraph);
        dataset.deleteAny(derivedGraph, derivedGraph, KG.buildInputs, Node.ANY);
        dataset.add(derivedGraph, derivedGraph, KG.buildInputs, value);
    }

    private Node literal(DatasetGraph dataset, Node derivedGraph) {
        String update = Derivation.value(dataset, derivedGraph, KG.lastUpdate, "none");
        return NodeFactory.createLiteralString(digest + " env " + environment + " update " + update);
    }

    private static List<Path> linkFiles(List<SeedFile> files) {
        try {
            return LinkFiles.files(files);
        } catch (BuildFailedException e) {
            return List.of(); // the build itself reports it
        }
    }

    private static String bytesHash(Path file) {
        try {
            return Uris.hash(Files.readAllBytes(file), 64);
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        }
    }

    @Override
    public String toString() { return digest; }

}
