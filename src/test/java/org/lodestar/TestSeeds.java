package org.lodestar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's seed pages, for tests in any package. */
public final class TestSeeds {
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
