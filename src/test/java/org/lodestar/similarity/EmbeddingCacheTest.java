package org.lodestar.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache with a made-up model that counts what it embeds. */
class EmbeddingCacheTest {
    @TempDir
    Path dir;

    /** Texts to vectors by their characters' codes; remembers every text it was asked for. */
    static class CountingEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override public String model() { return "counting"; }

        @Override public int dimensions() { return 4; }

        @Override
        public List<float[]> embed(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(t -> Vectors.normalize(new float[] {t.length(), t.charAt(0), t.hashCode() % 97, 1})).toList();
        }
    }

    @Test
    void aSecondRunEmbedsOnlyNewTexts() {
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache cache = EmbeddingCache.inMemory();
        EmbeddingCache.Result first = cache.embed(List.of("a: one", "b: two", "a: one"), model, Progress.QUIET);
        assertEquals(2, first.embedded());
        assertEquals(1, first.hits(), "the repeated text is embedded once");
        EmbeddingCache.Result second = cache.embed(List.of("a: one", "b: changed"), model, Progress.QUIET);
        assertEquals(1, second.hits());
        assertEquals(1, second.embedded());
        assertEquals(List.of("a: one", "b: two", "b: changed"), model.embedded);
        assertEquals(2, cache.size(), "entries no longer used are dropped");
    }

    @Test
    void theFileSurvivesTheProcessAndIsKeyedByModel() {
        Path file = EmbeddingCache.besideDatabase(dir.resolve("tdb2"));
        assertEquals(dir.resolve("tdb2.embeddings").toAbsolutePath(), file);
        CountingEmbedder model = new CountingEmbedder();
        List<float[]> before = EmbeddingCache.at(file).embed(List.of("x", "y"), model, Progress.QUIET).vectors();
        assertTrue(Files.exists(file));

        EmbeddingCache.Result again = EmbeddingCache.at(file).embed(List.of("x", "y"), model, Progress.QUIET);
        assertEquals(2, again.hits());
        assertEquals(0, again.embedded());
        assertNull(again.warning());
        assertArrayEquals(before.get(1), again.vectors().get(1));

        CountingEmbedder other = new CountingEmbedder() {
            @Override public String model() { return "other"; }
        };
        assertEquals(2, EmbeddingCache.at(file).embed(List.of("x", "y"), other, Progress.QUIET).embedded(),
                "another model's vectors are never reused");
    }

    @Test
    void aDamagedFileIsIgnoredAndRewritten() throws Exception {
        Path file = dir.resolve("db.embeddings");
        Files.write(file, new byte[] {0, 7, 'l', 'o', 'd', 'e'});
        CountingEmbedder model = new CountingEmbedder();
        assertEquals(1, EmbeddingCache.at(file).embed(List.of("x"), model, Progress.QUIET).embedded());
        assertEquals(1, EmbeddingCache.at(file).embed(List.of("x"), model, Progress.QUIET).hits());
    }

    @Test
    void aCacheThatCannotBeSavedWarnsAndStillEmbeds() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "");
        EmbeddingCache.Result r = EmbeddingCache.at(blocker.resolve("db.embeddings")).embed(List.of("x"), new CountingEmbedder(), Progress.QUIET);
        assertEquals(1, r.vectors().size());
        assertTrue(r.warning() != null && r.warning().contains("cannot write the embedding cache"), String.valueOf(r.warning()));
    }

    /** Bytes of one record for {@link CountingEmbedder}: a 32-byte key and 4 floats. */
    private static final int RECORD = 32 + 4 * 4;

    @Test
    void aFewNewTextsAreAppendedNotRewritten() throws Exception {
        Path file = dir.resolve("db.embeddings");
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache.at(file).embed(List.of("x", "y"), model, Progress.QUIET);
        byte[] before = Files.readAllBytes(file);
        EmbeddingCache.at(file).embed(List.of("x", "y", "z"), model, Progress.QUIET);
        byte[] after = Files.readAllBytes(file);
        assertEquals(before.length + RECORD, after.length);
        assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length), "the records already there are left as they were");
        EmbeddingCache.Result again = EmbeddingCache.at(file).embed(List.of("z", "x"), model, Progress.QUIET);
        assertEquals(2, again.hits());
        assertEquals(List.of("x", "y", "z"), model.embedded);
    }

    @Test
    void aTornLastRecordCostsOnlyItsOwnText() throws Exception {
        Path file = dir.resolve("db.embeddings");
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache.at(file).embed(List.of("x", "y"), model, Progress.QUIET);
        EmbeddingCache.at(file).embed(List.of("x", "y", "z"), model, Progress.QUIET);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 5)); // a crash during the append
        EmbeddingCache.Result r = EmbeddingCache.at(file).embed(List.of("x", "y", "z"), model, Progress.QUIET);
        assertEquals(2, r.hits());
        assertEquals(List.of("x", "y", "z", "z"), model.embedded);
        assertEquals(whole.length, Files.size(file), "rewritten whole, with the three records");
        assertEquals(3, EmbeddingCache.at(file).embed(List.of("x", "y", "z"), model, Progress.QUIET).hits());
    }

    @Test
    void theFileIsRewrittenWhenUnusedRecordsOutnumberUsedOnes() throws Exception {
        Path file = dir.resolve("db.embeddings");
        CountingEmbedder model = new CountingEmbedder();
        List<String> many = java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "text " + i).toList();
        EmbeddingCache.at(file).embed(many, model, Progress.QUIET);
        long full = Files.size(file);
        EmbeddingCache.at(file).embed(List.of("text 1", "new"), model, Progress.QUIET);
        assertEquals(full - 1098L * RECORD, Files.size(file), "the two records in use");
        assertEquals(2, EmbeddingCache.at(file).embed(List.of("text 1", "new"), model, Progress.QUIET).hits());
    }
}
