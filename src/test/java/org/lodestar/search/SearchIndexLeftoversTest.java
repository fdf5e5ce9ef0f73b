package org.lodestar.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server killed while making its search index leaves beside the database goes at the next start; nothing else does. */
class SearchIndexLeftoversTest {
    @Test
    void halfMadeAndHalfMovedIndexesAreRemoved(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("tdb2.search");
        Path made = Files.createDirectories(dir.resolve("tdb2.search.new-123"));
        Files.writeString(made.resolve("_0.cfs"), "half written");
        Path old = Files.createDirectories(dir.resolve("tdb2.search.old"));
        Path other = Files.createDirectories(dir.resolve("other.search.new-9"));
        Path db = Files.createDirectories(dir.resolve("tdb2"));
        new SearchIndex(folder).close();
        assertFalse(Files.exists(made));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(other), "another database's folder was removed");
        assertTrue(Files.exists(db));
    }
}
