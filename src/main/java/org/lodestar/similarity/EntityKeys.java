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
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The entities a derivation embedded, in the order that numbers them, with the cache key of each
 * one's text ({@link EmbeddingCache#key}): what the next edit starts from instead of reading every
 * entity's label and description from the store (a SPARQL query with a GROUP BY over all of them:
 * 0.9 s at 50,000 entities, most of an edit's similarity update, and four times that at 200,000).
 *
 * <p>Kept in memory for the next build of the same process, and in a file beside the embedding
 * cache ({@code data/tdb2.embeddings.entities}) for the next {@code build} command. Both are
 * stamped with the data-version token of the derived graph they describe, so a list is used only
 * by a build that starts from exactly that data: a commit that did not happen, a SPARQL update, a
 * torn or foreign file all leave a stamp that does not match, and the edit reads the texts from
 * the store as before. Nothing here is needed for a correct answer.
 */
final class EntityKeys {
    static final String SUFFIX = ".entities";
    private static final String MAGIC = "lodestar-entity-keys";
    private static final int VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    /** One list, as a derivation left it. */
    record Saved(String model, String token, List<Node> iris, List<String> keys) {}

    private final Path file;
    private Saved remembered;

    private EntityKeys(Path file) {
        this.file = file;
    }

    /** Beside {@code cache}'s file, or in memory only for an in-memory cache. */
    static EntityKeys beside(EmbeddingCache cache) {
        Path f = cache.file();
        return new EntityKeys(f == null ? null : f.resolveSibling(f.getFileName() + SUFFIX));
    }

    Optional<Path> file() { return Optional.ofNullable(file); }

    /** The list a derivation with {@code model} saved for the data whose token is {@code token}, if there is one. */
    synchronized Optional<Saved> current(String model, String token) {
        if (remembered != null && remembered.model().equals(model) && remembered.token().equals(token))
            return Optional.of(remembered);
        if (file == null)
            return Optional.empty();
        Optional<Saved> read = read(file).filter(s -> s.model().equals(model) && s.token().equals(token));
        read.ifPresent(s -> remembered = s);
        return read;
    }

    /**
     * Keeps {@code list} as the one for the data whose token is {@code token}, and writes it to the
     * file. A file that cannot be written is deleted, so that no older list stays behind it.
     *
     * @return null when saved, else why not
     */
    synchronized String save(Saved list) {
        remembered = list;
        if (file == null)
            return null;
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            write(list, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            forget();
            return "cannot write " + file + ": " + e;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next save writes another
            }
        }
    }

    /** No list to start from: the derivation computed nothing, or could not tell what it computed from. */
    synchronized void forget() {
        remembered = null;
        if (file == null)
            return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file's stamp does not match the next build's data, so it is not used
        }
    }

    private static void write(Saved list, Path to) throws IOException {
        CRC32 crc = new CRC32();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(to), 1 << 16))) {
            DataOutputStream body = new DataOutputStream(new CheckedOutputStream(out, crc));
            body.writeUTF(MAGIC);
            body.writeInt(VERSION);
            body.writeUTF(list.model());
            body.writeUTF(list.token());
            body.writeInt(list.iris().size());
            for (int i = 0; i < list.iris().size(); i++) {
                body.writeUTF(list.iris().get(i).getURI());
                body.write(HEX.parseHex(list.keys().get(i)));
            }
            body.flush();
            out.writeLong(crc.getValue());
        }
    }

    /** Empty for a missing, torn, foreign or corrupt file: the edit then reads the texts from the store. */
    static Optional<Saved> read(Path from) {
        CRC32 crc = new CRC32();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(from), 1 << 16))) {
            DataInputStream body = new DataInputStream(new CheckedInputStream(in, crc));
            if (!MAGIC.equals(body.readUTF()) || body.readInt() != VERSION)
                return Optional.empty();
            String model = body.readUTF(), token = body.readUTF();
            int n = body.readInt();
            if (n < 0)
                return Optional.empty();
            List<Node> iris = new ArrayList<>(n);
            List<String> keys = new ArrayList<>(n);
            byte[] key = new byte[KEY_BYTES];
            for (int i = 0; i < n; i++) {
                iris.add(NodeFactory.createURI(body.readUTF()));
                body.readFully(key);
                keys.add(HEX.formatHex(key));
            }
            long expected = crc.getValue();
            if (in.readLong() != expected || in.read() != -1)
                return Optional.empty();
            return Optional.of(new Saved(model, token, Collections.unmodifiableList(iris), Collections.unmodifiableList(keys)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
