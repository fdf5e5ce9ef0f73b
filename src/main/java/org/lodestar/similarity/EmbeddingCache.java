package org.lodestar.similarity;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lodestar.rdf.Uris;
import org.lodestar.util.BesideDatabase;

/**
 * Embeddings by the hash of what was embedded (model name + text), so a rebuild embeds only the
 * entities whose label or description changed. Content-addressed, so an entry is never stale and
 * the cache never has to agree with the database: a cache newer or older than the database, or
 * none at all, only costs time.
 *
 * <p>For a TDB2 database the cache is a file beside the database folder ({@code data/tdb2} →
 * {@code data/tdb2.embeddings}), not triples: 384 floats per entity would weigh on every SPARQL
 * scan, dump and {@code /doc} of the union graph while no query ever reads them, and TDB2 owns its
 * folder (compaction, backups). Beside it, deleting the database to rebuild from scratch keeps the
 * embeddings. An in-memory store gets an in-memory cache. The file is rewritten whole after each
 * build that embedded something or dropped entries, through a temporary file and an atomic move,
 * and holds only the entries the last build used.
 */
public final class EmbeddingCache {
    public static final String SUFFIX = ".embeddings";
    private static final String MAGIC = "lodestar-embeddings";
    private static final int VERSION = 1;
    private static final int BATCH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private Map<String, float[]> entries;
    private String loadedModel;
    private int loadedDimensions;

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    public static EmbeddingCache inMemory() { return new EmbeddingCache(null); }

    /** A cache kept in {@code file}, read on first use. */
    public static EmbeddingCache at(Path file) { return new EmbeddingCache(file); }

    /** The cache file of a TDB2 database folder: beside it, named after it. */
    public static Path besideDatabase(Path db) {
        return BesideDatabase.file(db, SUFFIX);
    }

    /** Null for an in-memory cache. */
    public Path file() { return file; }

    /**
     * What one call of {@link #embed} found and did.
     *
     * @param hits     texts served without embedding them (from the cache, or a repeat of a text embedded in this call)
     * @param embedded distinct texts the model embedded
     * @param warning  why the cache file could not be written, or null: a cache that cannot be
     *                 saved costs the next build time, not this build its result
     */
    public record Result(List<float[]> vectors, int hits, int embedded, String warning) {}

    /**
     * The vectors of {@code texts}, from the cache where it has them, from {@code embedder} where
     * not; then the cache keeps exactly these texts' entries and, when file-backed and changed, is saved.
     */
    public synchronized Result embed(List<String> texts, Embedder embedder, Progress progress) {
        load(embedder);
        List<String> keys = texts.stream().map(t -> key(embedder.model(), t)).toList();
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++)
            if (!entries.containsKey(keys.get(i)))
                missing.putIfAbsent(keys.get(i), texts.get(i));
        embedMissing(missing, embedder, progress);
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String k : keys)
            vectors.add(entries.get(k));
        boolean dropped = entries.keySet().retainAll(Set.copyOf(keys));
        String warning = file != null && (dropped || !missing.isEmpty()) ? save() : null;
        return new Result(vectors, texts.size() - missing.size(), missing.size(), warning);
    }

    public synchronized int size() { return entries == null ? 0 : entries.size(); }

    private void embedMissing(Map<String, String> missing, Embedder embedder, Progress progress) {
        List<Map.Entry<String, String>> todo = List.copyOf(missing.entrySet());
        try (Progress.Bar bar = progress.start("embedding", todo.size())) {
            for (int from = 0; from < todo.size(); from += BATCH) {
                List<Map.Entry<String, String>> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
                List<float[]> vectors = embedder.embed(batch.stream().map(Map.Entry::getValue).toList());
                for (int i = 0; i < batch.size(); i++)
                    entries.put(batch.get(i).getKey(), vectors.get(i));
                bar.step(batch.size());
            }
        }
    }

    static String key(String model, String text) {
        return Uris.hash(model + "\n" + text, 64);
    }

    private void load(Embedder embedder) {
        if (entries != null && embedder.model().equals(loadedModel))
            return;
        entries = new HashMap<>();
        loadedModel = embedder.model();
        loadedDimensions = embedder.dimensions();
        if (file != null)
            read(embedder);
    }

    /** An unreadable or foreign file is not an error: the cache starts empty and is rewritten. */
    private void read(Embedder embedder) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION || !embedder.model().equals(in.readUTF())
                    || in.readInt() != embedder.dimensions())
                return;
            int count = in.readInt();
            byte[] key = new byte[32];
            for (int n = 0; n < count; n++) {
                in.readFully(key);
                float[] v = new float[embedder.dimensions()];
                for (int i = 0; i < v.length; i++)
                    v[i] = in.readFloat();
                entries.put(HEX.formatHex(key), v);
            }
        } catch (NoSuchFileException e) {
            // the first build
        } catch (IOException e) {
            entries.clear(); // truncated or unreadable: start afresh
        }
    }

    /** @return null when saved, else the reason it could not be */
    private String save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // not createTempFile: its owner-only permissions would stay on the moved file
            Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    out.writeUTF(MAGIC);
                    out.writeInt(VERSION);
                    out.writeUTF(loadedModel);
                    out.writeInt(loadedDimensions);
                    out.writeInt(entries.size());
                    for (Map.Entry<String, float[]> e : entries.entrySet()) {
                        out.write(HEX.parseHex(e.getKey()));
                        for (float f : e.getValue())
                            out.writeFloat(f);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return null;
        } catch (IOException e) {
            return "cannot write the embedding cache " + file + ": " + e;
        }
    }
}
