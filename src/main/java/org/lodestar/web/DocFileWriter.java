package org.lodestar.web;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a {@link DocFile}: to a temporary file beside the target, moved over it only when complete
 * and on disk, so a render cut short leaves the previous file as it was. Layout: magic and stamp;
 * the deflated bodies back to back; the index (count, then per document its path, offset, stored
 * and inflated lengths and Link headers); the index's offset and the magic again. {@link #add} may
 * be called from several threads.
 */
final class DocFileWriter implements Closeable {
    private record Entry(String docPath, long offset, int stored, int size, List<String> links) {}

    private static final AtomicInteger WRITERS = new AtomicInteger();

    private final Path target, tmp;
    private final FileOutputStream file;
    private final DataOutputStream out;
    private final List<Entry> entries = new ArrayList<>();
    private long position;
    private boolean finished;

    DocFileWriter(Path target, String stamp) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeLeftovers(dir, target.getFileName().toString());
        // not createTempFile: its owner-only permissions would stay on the moved file
        this.tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-" + WRITERS.incrementAndGet() + ".tmp");
        this.file = new FileOutputStream(tmp.toFile());
        this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
        out.writeUTF(DocFile.MAGIC);
        out.writeUTF(stamp);
        position = out.size();
    }

    /** Deflates outside the lock, so threads rendering together only queue for the write. */
    void add(String docPath, ResponseCache.Rendered rendered) throws IOException {
        if (rendered.links().size() > 255)
            throw new IllegalArgumentException(docPath + ": more Link headers than a document file holds");
        byte[] stored = Zlib.deflate(rendered.body());
        synchronized (this) {
            out.write(stored);
            entries.add(new Entry(docPath, position, stored.length, rendered.body().length, rendered.links()));
            position += stored.length;
        }
    }

    /** A document another file stored, kept as it is: no inflating, no deflating. */
    void add(String docPath, DocFile.Stored stored) throws IOException {
        synchronized (this) {
            out.write(stored.deflated());
            entries.add(new Entry(docPath, position, stored.deflated().length, stored.size(), stored.links()));
            position += stored.deflated().length;
        }
    }

    synchronized int count() { return entries.size(); }

    /** Writes the index, forces the file to disk and moves it over the target. */
    synchronized Path finish() throws IOException {
        long indexAt = position;
        out.writeInt(entries.size());
        for (Entry e : entries) {
            out.writeUTF(e.docPath());
            out.writeLong(e.offset());
            out.writeInt(e.stored());
            out.writeInt(e.size());
            out.writeByte(e.links().size());
            for (String link : e.links())
                out.writeUTF(link);
        }
        out.writeLong(indexAt);
        out.writeUTF(DocFile.MAGIC);
        out.flush();
        file.getChannel().force(true);
        out.close();
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncFolder(target);
        finished = true;
        return target;
    }

    /** Without {@link #finish}, throws the temporary file away. */
    @Override
    public synchronized void close() throws IOException {
        if (finished)
            return;
        try {
            out.close();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a move into, or a deletion from, the folder of {@code file} last through a power cut, where the system allows. */
    static void syncFolder(Path file) {
        try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a folder; the move or deletion itself has happened
        }
    }

    /**
     * Temporary files of renders that were killed (a render cut short by its process's end leaves
     * one as large as the file). Only one process renders for a database, the one holding its
     * TDB2 lock, and it renders one file at a time, so any found now is left over.
     */
    private static void removeLeftovers(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, name + ".*.tmp")) {
            for (Path f : found)
                Files.deleteIfExists(f);
        }
    }
}
