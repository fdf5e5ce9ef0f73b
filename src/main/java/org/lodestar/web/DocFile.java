package org.lodestar.web;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A file of rendered documents, read-only: for each document path its body, deflated, and its
 * {@code Link} headers. Stored views ({@code /view/…}, their records as JSON, no headers) are entries
 * like any other. {@link DocFileWriter} writes it; its layout is there. The file is mapped
 * into memory rather than read through a channel, because an interrupted read closes a
 * {@link FileChannel} for every thread using it, and Jetty interrupts threads.
 */
final class DocFile {
    static final String MAGIC = "lodestar-docs-1";
    /** Java maps at most 2 GB at once; a million documents take more. */
    static final long SEGMENT = 1L << 30;

    private record Entry(long offset, int stored, int size, List<String> links) {}

    private final Path path;
    private final String stamp;
    private final Map<String, Entry> index;
    private final MappedByteBuffer[] segments;
    private final long segment;

    private DocFile(Path path, String stamp, Map<String, Entry> index, MappedByteBuffer[] segments, long segment) {
        this.path = path;
        this.stamp = stamp;
        this.index = index;
        this.segments = segments;
        this.segment = segment;
    }

    /**
     * @throws IOException when the file cannot be read or is not a complete document file (a
     *                     render cut short leaves no trailer), with the file named in the message
     */
    static DocFile open(Path path) throws IOException {
        return open(path, SEGMENT);
    }

    /** @param segment bytes mapped at a time (small in a test, so that documents cross from one to the next) */
    static DocFile open(Path path, long segment) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long length = channel.size();
            int trailer = Long.BYTES + 2 + MAGIC.length(); // the index offset, then MAGIC as writeUTF writes it
            if (length < trailer)
                throw new IOException(path + ": not a complete document file (" + length + " bytes)");
            DataInputStream tail = in(channel, length - trailer);
            long indexAt = tail.readLong();
            if (!MAGIC.equals(tail.readUTF()) || indexAt < 0 || indexAt > length - trailer)
                throw new IOException(path + ": not a complete document file (no trailer)");
            DataInputStream head = in(channel, 0);
            if (!MAGIC.equals(head.readUTF()))
                throw new IOException(path + ": not a document file");
            String stamp = head.readUTF();
            DataInputStream entries = in(channel, indexAt);
            int count = entries.readInt();
            Map<String, Entry> index = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
            for (int i = 0; i < count; i++) {
                String docPath = entries.readUTF();
                long offset = entries.readLong();
                int stored = entries.readInt(), size = entries.readInt(), links = entries.readUnsignedByte();
                List<String> l = new ArrayList<>(links);
                for (int j = 0; j < links; j++)
                    l.add(entries.readUTF());
                // deflate shrinks by at most 1,032 to 1: a larger size is damage, not a document
                if (offset < 0 || stored < 0 || size < 0 || offset > indexAt - stored || size > stored * 1032L + 64)
                    throw new IOException(path + ": entry " + docPath + " points outside the file");
                index.put(docPath, new Entry(offset, stored, size, List.copyOf(l)));
            }
            MappedByteBuffer[] segments = new MappedByteBuffer[(int) ((indexAt + segment - 1) / segment)];
            for (int s = 0; s < segments.length; s++)
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, s * segment, Math.min(segment, indexAt - s * segment));
            return new DocFile(path, stamp, index, segments, segment);
        } catch (EOFException | UTFDataFormatException e) {
            throw new IOException(path + ": not a complete document file (" + e + ")", e);
        }
    }

    private static DataInputStream in(FileChannel channel, long position) throws IOException {
        InputStream stream = Channels.newInputStream(channel.position(position));
        return new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    }

    /** What the documents were rendered from ({@link DocStore#stamp}). */
    String stamp() { return stamp; }

    int size() { return index.size(); }

    /** The path of every entry. */
    java.util.Set<String> paths() { return java.util.Set.copyOf(index.keySet()); }

    /** How many of its entries have a path that starts with {@code prefix}. */
    int count(String prefix) {
        return (int) index.keySet().stream().filter(p -> p.startsWith(prefix)).count();
    }

    /** Bytes of the documents on disk, without the index. */
    long bytes() {
        long n = 0;
        for (MappedByteBuffer s : segments)
            n += s.limit();
        return n;
    }

    Path path() { return path; }

    /** A document as stored: deflated, with its inflated size and Link headers. */
    record Stored(byte[] deflated, int size, List<String> links) {}

    /** The document at {@code docPath} as stored, for a render that keeps it, or null when the file has none. */
    Stored stored(String docPath) {
        Entry e = index.get(docPath);
        return e == null ? null : new Stored(read(e), e.size(), e.links());
    }

    /** The document at {@code docPath} ({@code /doc/concept/x}), or null when the file has none. */
    ResponseCache.Rendered find(String docPath) {
        Entry e = index.get(docPath);
        if (e == null)
            return null;
        byte[] stored = read(e);
        return new ResponseCache.Rendered(inflate(stored, e.size()), e.links(), stored);
    }

    private byte[] read(Entry e) {
        byte[] stored = new byte[e.stored()];
        long at = e.offset();
        for (int done = 0; done < stored.length; ) {
            ByteBuffer mapped = segments[(int) (at / segment)];
            int within = (int) (at % segment), n = Math.min(stored.length - done, mapped.limit() - within);
            mapped.get(within, stored, done, n);
            done += n;
            at += n;
        }
        return stored;
    }

    private byte[] inflate(byte[] stored, int size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] body = new byte[size];
            int done = 0;
            while (done < size && !inflater.finished()) {
                int n = inflater.inflate(body, done, size - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary()))
                    break; // the stored bytes end before the document does
                done += n;
            }
            if (done != size || !inflater.finished())
                throw new IllegalStateException(path + ": a document does not inflate to its recorded size");
            return body;
        } catch (DataFormatException e) {
            throw new IllegalStateException(path + ": a document is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
