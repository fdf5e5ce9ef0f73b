package org.lodestar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.lodestar.ontology.Ontology;

/**
 * Writes a synthetic knowledge graph as seed pages: {@code generate --entities N [--seed S] --out DIR}.
 * The same entity count and seed give the same files, byte for byte. Large graphs are sharded into
 * 256 sub-folders (the seed reader walks folders recursively), since a million files in one folder
 * slow every file system operation down.
 */
public final class Generator {
    /** Up to this many pages go straight into the output folder. */
    static final int FLAT_LIMIT = 5_000;

    public record Summary(int entities, int pages, long edges, long memberLines, long similarityLines, long bytes, long millis) {
        @Override
        public String toString() {
            return String.format("%,d entities, %,d pages, %,d edges, %,d member lines, %,d similarity lines, %,d bytes in %.1f s",
                    entities, pages, edges, memberLines, similarityLines, bytes, millis / 1000.0);
        }
    }

    private final Ontology ontology;
    private final int flatLimit;

    public Generator(Ontology ontology) {
        this(ontology, FLAT_LIMIT);
    }

    /** @param flatLimit above this many pages, pages go into sub-folders */
    Generator(Ontology ontology, int flatLimit) {
        this.ontology = ontology;
        this.flatLimit = flatLimit;
    }

    /**
     * @param out a folder that does not exist or is empty
     * @throws IOException when the folder cannot be written, or already holds files
     */
    public Summary generate(int entities, long seed, Path out) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out);
        try (var existing = Files.list(out)) {
            if (existing.findAny().isPresent())
                throw new IOException(out + " is not empty; generated pages must not mix with others");
        }
        SyntheticGraph graph = new SyntheticGraph(ontology, entities, seed);
        PageWriter writer = new PageWriter(graph, graph.text, seed);
        int pages = graph.pages();
        boolean sharded = pages > flatLimit;
        if (sharded)
            for (int s = 0; s < 256; s++)
                Files.createDirectories(out.resolve(String.format("%02x", s)));
        AtomicLong bytes = new AtomicLong(), similar = new AtomicLong();
        // each page's text depends on the seed and its entity only, so the order of writing does not matter
        try {
            IntStream.range(0, graph.n).parallel().filter(e -> graph.hasPage[e]).forEach(e -> {
                PageWriter.Page page = writer.render(e);
                write(sharded ? out.resolve(String.format("%02x", e & 0xFF)) : out, writer.fileName(e), page.bytes());
                bytes.addAndGet(page.bytes().length);
                similar.addAndGet(page.similarityLines());
            });
        } catch (UncheckedIOException x) {
            throw x.getCause();
        }
        return new Summary(entities, pages, graph.edges, graph.listings(), similar.get(), bytes.get(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void write(Path dir, String name, byte[] bytes) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
