package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved entity list is used only for the data it was saved for, and never when its file is torn. */
class EntityKeysTest {
    @TempDir
    Path dir;

    private static final List<Node> IRIS = List.of(NodeFactory.createURI("http://kg.test/id/concept/a"),
            NodeFactory.createURI("http://kg.test/id/concept/b"), NodeFactory.createURI("http://kg.test/id/thinker/c"));
    private static final List<String> KEYS = IRIS.stream().map(n -> EmbeddingCache.key("model", n.getURI())).toList();

    private EntityKeys saved() {
        return EntityKeys.beside(EmbeddingCache.at(dir.resolve("db.embeddings")));
    }

    @Test
    void aListIsReadBackForItsTokenAndModelOnly() {
        assertEquals(null, saved().save(new EntityKeys.Saved("model", "t1", IRIS, KEYS)));
        assertTrue(Files.isRegularFile(dir.resolve("db.embeddings.entities")));
        EntityKeys.Saved read = saved().current("model", "t1").orElseThrow();
        assertEquals(IRIS, read.iris());
        assertEquals(KEYS, read.keys());
        assertTrue(saved().current("model", "t2").isEmpty(), "another data version");
        assertTrue(saved().current("other-model", "t1").isEmpty(), "another model");
    }

    @Test
    void aTornOrZeroedFileIsNotBelieved() throws Exception {
        saved().save(new EntityKeys.Saved("model", "t1", IRIS, KEYS));
        Path file = dir.resolve("db.embeddings.entities");
        long size = Files.size(file);
        for (long cut = 0; cut < size; cut += 7) {
            Path copy = dir.resolve("cut");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.setLength(cut);
            }
            assertTrue(EntityKeys.read(copy).isEmpty(), "cut to " + cut + " of " + size + " bytes");
        }
        for (long at = 0; at < size; at += 5) {
            Path copy = dir.resolve("zeroed");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.seek(at);
                byte[] was = new byte[(int) Math.min(3, size - at)];
                f.readFully(was);
                boolean allZero = true;
                for (byte b : was)
                    allZero &= b == 0;
                if (allZero)
                    continue;
                f.seek(at);
                f.write(new byte[was.length]);
            }
            assertTrue(EntityKeys.read(copy).isEmpty(), "zeroed at " + at);
        }
    }

    @Test
    void forgettingDeletesTheFileAndTheCopyInMemory() {
        EntityKeys keys = saved();
        keys.save(new EntityKeys.Saved("model", "t1", IRIS, KEYS));
        keys.forget();
        assertTrue(keys.current("model", "t1").isEmpty());
        assertTrue(Files.notExists(dir.resolve("db.embeddings.entities")));
    }

    @Test
    void anInMemoryCacheKeepsTheListInMemory() {
        EntityKeys keys = EntityKeys.beside(EmbeddingCache.inMemory());
        assertEquals(null, keys.save(new EntityKeys.Saved("model", "t1", IRIS, KEYS)));
        assertEquals(IRIS, keys.current("model", "t1").orElseThrow().iris());
        assertTrue(EntityKeys.beside(EmbeddingCache.inMemory()).current("model", "t1").isEmpty());
    }
}
