package org.lodestar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's seed pages, for tests in any package. */
public final class TestSeeds {
    /**
     * A page that parses but breaks a shape: authored_by runs from a paper, artifact or quote to a
     * thinker, so between two concepts it fits neither way.
     */
    public static final String MISFIT = """
            concept
            active
            concept:misfitMisfit
            A concept that claims to be written by another concept
            Neighborhood — ranked by edge-count
            Concepts (1)
            concept
            - Not An Authorauthored_byWrong on purpose
            """;

    private TestSeeds() {}

    /** A copy of seeds/ under {@code dir}, for a test to change. */
    public static Path copy(Path dir) throws IOException {
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.toList())
                Files.copy(f, seeds.resolve(f.getFileName()));
        }
        return seeds;
    }
}
