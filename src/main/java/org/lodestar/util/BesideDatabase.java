package org.lodestar.util;

import java.nio.file.Path;

/**
 * Files that belong to one TDB2 database but are not TDB2's own (the embedding cache, the rendered
 * documents) live beside its folder, named after it: {@code data/tdb2} has {@code data/tdb2.embeddings}.
 * Never inside it, where TDB2's compaction and backups would have to step around them.
 */
public final class BesideDatabase {
    private BesideDatabase() {}

    /** {@code db} with {@code suffix} added to its name, in the same parent folder. */
    public static Path file(Path db, String suffix) {
        Path abs = db.toAbsolutePath().normalize();
        return abs.getFileName() == null ? abs.resolve("lodestar" + suffix) : abs.resolveSibling(abs.getFileName() + suffix);
    }
}
