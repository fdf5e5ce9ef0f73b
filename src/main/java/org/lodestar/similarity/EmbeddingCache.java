package org.lodestar.similarity;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * embeddings. An in-memory store gets an in-memory cache.
 *
 * <p>The file is a header and fixed-size records (key, vectors), read in bulk. A build that
 * embedded a few texts appends their records, since rewriting 300 MB (200,000 entities) after
 * each edit cost seconds; the file is rewritten whole, through a temporary file and an atomic
 * move, when the entries no longer used outnumber those in use, when its tail is a torn record
 * (a crash during an append), or when it was written for another model.
 */
public final class EmbeddingCache {
    public static final String SUFFIX = ".embeddings";
    private static final String MAGIC = "lodestar-embeddings";
    private static final int VERSION = 2;
    private static final int KEY_BYTES = 32;
    private static final int BATCH = 64;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private Map<String, float[]> entries;
    private String loadedModel;
    private int loadedDimensions;
    /** Records in the file as read (used or not), or -1 when it must be rewritten whole before anything is appended. */
    private long fileRecords = -1;

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
        return embed(texts, embedder, progress, true);
    }

    /**
     * As {@link #embed(List, Embedder, Progress)}, but keeping every entry when {@code prune} is
     * false: an edit embeds only the texts it changed, and the others' entries are still in use.
     */
    synchronized Result embed(List<String> texts, Embedder embedder, Progress progress, boolean prune) {
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
        if (prune)
            entries.keySet().retainAll(Set.copyOf(keys));
        String warning = file != null ? save(missing.keySet()) : null;
        return new Result(vectors, texts.size() - missing.size(), missing.size(), warning);
    }

    /** The vectors cached under {@code keys} ({@link #key}), in their order; empty when one of them is not cached. */
    synchronized Optional<List<float[]>> known(List<String> keys, Embedder embedder) {
        load(embedder);
        List<float[]> vectors = new ArrayList<>(keys.size());
        for (String k : keys) {
            float[] v = entries.get(k);
            if (v == null)
                return Optional.empty();
            vectors.add(v);
        }
        return Optional.of(vectors);
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
        fileRecords = -1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            DataInputStream header = new DataInputStream(Channels.newInputStream(channel));
            if (!MAGIC.equals(header.readUTF()))
                return;
            int version = header.readInt();
            if ((version != VERSION && version != 1) || !embedder.model().equals(header.readUTF())
                    || header.readInt() != embedder.dimensions())
                return;
            if (version == 1)
                header.readInt(); // its count: version 1 was written whole, never appended to
            // no buffering above: the channel's position is where the records start
            int dims = embedder.dimensions(), size = KEY_BYTES + 4 * dims;
            long bytes = channel.size() - channel.position(), records = bytes / size;
            // a torn record at the end (a crash during an append), or the older layout: rewritten at the next save
            boolean rewrite = bytes % size != 0 || version != VERSION;
            ByteBuffer buffer = ByteBuffer.allocate(size * 4096);
            byte[] key = new byte[KEY_BYTES];
            for (long n = 0; n < records; ) {
                int batch = (int) Math.min(records - n, 4096);
                buffer.clear().limit(batch * size);
                while (buffer.hasRemaining())
                    if (channel.read(buffer) < 0)
                        throw new EOFException(file.toString());
                buffer.flip();
                for (int r = 0; r < batch; r++) {
                    buffer.get(key);
                    float[] v = new float[dims];
                    buffer.asFloatBuffer().get(v);
                    buffer.position(buffer.position() + 4 * dims);
                    entries.put(HEX.formatHex(key), v);
                }
                n += batch;
            }
            fileRecords = rewrite ? -1 : records;
        } catch (NoSuchFileException e) {
            // the first build
        } catch (IOException e) {
            entries.clear(); // truncated or unreadable: start afresh
        }
    }

    /**
     * Appends the entries of {@code added} when the file can take them; rewrites it whole when it
     * cannot, or when most of its records are no longer used. Nothing when nothing changed.
     *
     * @return null when saved, else the reason it could not be
     */
    private String save(Set<String> added) {
        boolean rewrite = fileRecords < 0 || fileRecords - (entries.size() - added.size()) > Math.max(1024, entries.size());
        if (!rewrite && added.isEmpty())
            return null;
        try {
            if (rewrite)
                rewrite();
            else
                append(added);
            return null;
        } catch (IOException e) {
            fileRecords = -1;
            return "cannot write the embedding cache " + file + ": " + e;
        }
    }

    private void append(Set<String> added) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.allocate(KEY_BYTES + 4 * loadedDimensions);
            for (String k : added) {
                buffer.clear();
                record(buffer, k, entries.get(k));
                buffer.flip();
                while (buffer.hasRemaining())
                    channel.write(buffer);
            }
        }
        fileRecords += added.size();
    }

    private static void record(ByteBuffer buffer, String key, float[] vector) {
        buffer.put(HEX.parseHex(key));
        buffer.asFloatBuffer().put(vector);
        buffer.position(buffer.position() + 4 * vector.length);
    }

    private void rewrite() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not createTempFile: its owner-only permissions would stay on the moved file
        Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                DataOutputStream header = new DataOutputStream(Channels.newOutputStream(channel));
                header.writeUTF(MAGIC);
                header.writeInt(VERSION);
                header.writeUTF(loadedModel);
                header.writeInt(loadedDimensions);
                header.flush();
                int size = KEY_BYTES + 4 * loadedDimensions;
                ByteBuffer buffer = ByteBuffer.allocate(size * 4096);
                for (Map.Entry<String, float[]> e : entries.entrySet()) {
                    if (buffer.remaining() < size)
                        drain(buffer, channel);
                    record(buffer, e.getKey(), e.getValue());
                }
                drain(buffer, channel);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        fileRecords = entries.size();
    }

    private static void drain(ByteBuffer buffer, FileChannel channel) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining())
            channel.write(buffer);
        buffer.clear();
    }
}
