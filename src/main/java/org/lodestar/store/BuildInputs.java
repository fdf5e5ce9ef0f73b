package org.lodestar.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private final String digest;

    private BuildInputs(String digest) {
        this.digest = digest;
    }

    static BuildInputs of(List<SeedFile> files, Pipeline pipeline, boolean strict, SimilaritySettings similarity, Progress progress) {
        String[] pages = new String[files.size()];
        try (Progress.Bar bar = progress.start("hash", files.size(), "pages")) {
            // in parallel: reading the files is most of it
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                SeedFile f = files.get(i);
                pages[i] = f.name() + " " + Uris.hash(f.content(), 64);
                bar.step(1);
            });
        }
        StringBuilder all = new StringBuilder(64 * files.size() + 256);
        all.append("code ").append(CODE).append("\nbase ").append(pipeline.uris().base()).append("\nstrict ").append(strict)
                .append("\nsimilarity ").append(similarity.mode().word()).append(' ').append(similarity.thresholdLexical())
                .append(' ').append(similarity.k()).append('\n');
        for (String page : pages)
            all.append(page).append('\n');
        for (Path links : linkFiles(files))
            all.append(links).append(' ').append(bytesHash(links)).append('\n');
        return new BuildInputs(Uris.hash(all.toString(), 64));
    }

    /** True when the last build recorded these inputs and no SPARQL update came after it. */
    boolean sameAs(DatasetGraph dataset, Node derivedGraph) {
        return dataset.contains(derivedGraph, derivedGraph, KG.buildInputs, literal(dataset, derivedGraph));
    }

    /** Records the inputs on the derived graph, in the build's write transaction. */
    void record(DatasetGraph dataset, Node derivedGraph) {
        Node value = literal(dataset, derivedGraph);
        dataset.deleteAny(derivedGraph, derivedGraph, KG.buildInputs, Node.ANY);
        dataset.add(derivedGraph, derivedGraph, KG.buildInputs, value);
    }

    private Node literal(DatasetGraph dataset, Node derivedGraph) {
        String update = Derivation.value(dataset, derivedGraph, KG.lastUpdate, "none");
        return NodeFactory.createLiteralString(digest + " update " + update);
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
