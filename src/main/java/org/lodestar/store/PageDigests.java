package org.lodestar.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.util.BesideDatabase;

/**
 * The digests of page files by the state of each file (size, modification and change times, inode),
 * kept beside the database ({@code DIR.page-digests}) so that a build reads only the pages whose
 * files changed since the last one: at 200,000 pages, reading and hashing every byte was 7 s of
 * every build. A file whose state is as recorded has the bytes it had, as git's index assumes;
 * the change time cannot be set back by a program, and a file changed within {@link #SETTLE} of
 * being hashed is not recorded (its next change could fall within the same clock tick). It exists
 * only for speed: missing, unreadable or garbled, every page is read and hashed, and nothing else.
 */
final class PageDigests {
    static final String SUFFIX = ".page-digests";
    private static final String HEADER = "lodestar page digests 1";
    private static final long SETTLE = TimeUnit.SECONDS.toNanos(2);

    private final Path file;
    private final Map<String, Entry> known;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private final long started = System.currentTimeMillis() * 1_000_000L;
    private final long settle;
    private volatile boolean read;

    private record Entry(long size, long modified, long changed, String inode, String digest) {
        boolean sameFile(Entry o) {
            return size == o.size && modified == o.modified && changed == o.changed && inode.equals(o.inode);
        }
    }

    private PageDigests(Path file, Map<String, Entry> known, long settle) {
        this.file = file;
        this.known = known;
        this.settle = settle;
    }

    /** Reads and hashes every page (a database in memory). */
    static PageDigests none() {
        return new PageDigests(null, Map.of(), SETTLE);
    }

    /** The digests recorded beside the database in {@code db}. */
    static PageDigests beside(Path db) {
        return beside(db, SETTLE);
    }

    /** As {@link #beside(Path)}, recording files changed up to {@code settle} nanoseconds before (tests). */
    static PageDigests beside(Path db, long settle) {
        Path file = BesideDatabase.file(db, SUFFIX);
        return new PageDigests(file, load(file), settle);
    }

    /** The SHA-256 of the page's bytes: from the record when its file is as recorded, else read now. */
    String digest(SeedFile page) {
        Optional<Path> path = page.path();
        if (path.isEmpty() || file == null)
            return Uris.hash(page.content(), 64);
        String key = path.get().toAbsolutePath().normalize().toString();
        Entry now = stat(path.get());
        Entry before = known.get(key);
        if (now != null && before != null && before.sameFile(now)) {
            seen.put(key, before);
            return before.digest();
        }
        read = true;
        String digest = Uris.hash(page.content(), 64);
        if (now != null && Math.max(now.modified(), now.changed()) < started - settle)
            seen.put(key, new Entry(now.size(), now.modified(), now.changed(), now.inode(), digest));
        return digest;
    }

    /**
     * Records the digests of the pages this build saw, when any was read: written aside and moved
     * over the old record, so that a crash leaves one record or the other, each true of the files.
     * A failure to write costs the next build its reading time only, so it is not an error.
     */
    void save() {
        if (file == null || (!read && seen.size() == known.size()))
            return;
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (Map.Entry<String, Entry> e : seen.entrySet()) {
                    Entry x = e.getValue();
                    out.write(x.digest() + ' ' + x.size() + ' ' + x.modified() + ' ' + x.changed() + ' ' + x.inode() + ' ' + e.getKey());
                    out.newLine();
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next build writes it again
            }
        }
    }

    private static Map<String, Entry> load(Path file) {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER))
            return entries;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ", 6);
            if (f.length < 6 || f[0].length() != 64)
                return new ConcurrentHashMap<>(); // garbled: trust none of it
            try {
                entries.put(f[5], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[0]));
            } catch (NumberFormatException e) {
                return new ConcurrentHashMap<>();
            }
        }
        return entries;
    }

    /** The file's state; null when it cannot be read (the page's reading then says why). */
    private static Entry stat(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev");
            return new Entry((Long) unix.get("size"), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")),
                    unix.get("dev") + ":" + unix.get("ino"), "");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
                // without a change time, a file's modification time set back would go unseen: rare enough off Unix
                return new Entry(basic.size(), nanos(basic.lastModifiedTime()), nanos(basic.lastModifiedTime()),
                        String.valueOf(basic.fileKey()), "");
            } catch (IOException x) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
