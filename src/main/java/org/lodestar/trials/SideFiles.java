package org.lodestar.trials;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.lodestar.util.BesideDatabase;

/**
 * The files Lodestar keeps beside a database for speed (page digests, embedding cache and the
 * entity list beside it, rendered documents, search index), and a way to tear one as a crash in the middle of a write would:
 * cut at a random length, or a run of bytes overwritten with zeros. Each must be found out and
 * made again, never believed.
 */
final class SideFiles {
    static final List<String> SUFFIXES = List.of(".page-digests", ".embeddings", ".embeddings.entities", ".docs", ".search");

    private SideFiles() {}

    /**
     * Tears the side file {@code suffix} of {@code db}: for a folder (the search index) one of its
     * files. @return what was done, or null when there was no such file
     */
    static String tear(Path db, String suffix, Random random) throws IOException {
        Path f = BesideDatabase.file(db, suffix);
        if (Files.isDirectory(f)) {
            try (Stream<Path> files = Files.list(f)) {
                // not the empty ones (Lucene's write.lock): a tear that cuts nothing checks nothing
                List<Path> all = files.filter(p -> Files.isRegularFile(p) && size(p) > 0).sorted().toList();
                if (all.isEmpty())
                    return null;
                f = all.get(random.nextInt(all.size()));
            }
        }
        if (!Files.isRegularFile(f))
            return null;
        long size = Files.size(f);
        if (size == 0)
            return null;
        try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
            // zeros only where the format can tell them: the embedding cache has no checksum per
            // record (a kill cannot zero bytes that were written, only leave a write unfinished)
            boolean zeroable = suffix.equals(".docs") || suffix.equals(".page-digests") || suffix.equals(".embeddings.entities");
            if (!zeroable || random.nextBoolean()) {
                long at = (long) (size * random.nextDouble());
                file.setLength(at);
                return f.getFileName() + " cut from " + size + " to " + at + " bytes";
            }
            long at = (long) (size * random.nextDouble());
            int n = (int) Math.min(size - at, 1 + random.nextInt(4096));
            file.seek(at);
            file.write(new byte[n]);
            return f.getFileName() + ": " + n + " bytes zeroed at " + at;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // gone since it was listed
        }
    }
}
