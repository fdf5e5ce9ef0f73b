package org.lodestar.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.util.BesideDatabase;

class PageDigestsTest {
    /** Records files however recently they changed: the tests' files are all seconds old at most. */
    private static final long RECORD_ALL = -TimeUnit.MINUTES.toNanos(1);
    private static final String FAKE = "f".repeat(64);

    @TempDir
    Path dir;

    private SeedFile page(Path file) {
        return SeedFile.onDisk(file.getFileName().toString(), file.toString(), file);
    }

    private Path record() { return BesideDatabase.file(dir.resolve("db"), PageDigests.SUFFIX); }

    /** Puts {@link #FAKE} in place of every recorded digest: a digest that comes back as it was not read. */
    private void fakeRecordedDigests() throws Exception {
        List<String> lines = Files.readAllLines(record());
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size()))
            out.append(FAKE).append(line.substring(64)).append('\n');
        Files.writeString(record(), out);
    }

    /** Records {@code file}'s digest beside the database, then puts {@link #FAKE} in its place. */
    private void recordThenFake(Path file) throws Exception {
        PageDigests first = PageDigests.beside(dir.resolve("db"), RECORD_ALL);
        first.digest(page(file));
        first.save();
        fakeRecordedDigests();
    }

    @Test
    void aFileAsRecordedIsNotReadAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A page\n");
        PageDigests first = PageDigests.beside(dir.resolve("db"), RECORD_ALL);
        assertEquals(Uris.hash("# A page\n".getBytes(StandardCharsets.UTF_8), 64), first.digest(page(file)));
        first.save();
        fakeRecordedDigests();
        assertEquals(FAKE, PageDigests.beside(dir.resolve("db"), RECORD_ALL).digest(page(file)));
    }

    @Test
    void aChangedFileIsReadAgainEvenWithItsOldSizeAndTime() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A page\n");
        recordThenFake(file);
        var modified = Files.getLastModifiedTime(file);
        Files.writeString(file, "# B page\n"); // same size
        Files.setLastModifiedTime(file, modified); // and the old time: the change time still tells
        assertEquals(Uris.hash("# B page\n".getBytes(StandardCharsets.UTF_8), 64),
                PageDigests.beside(dir.resolve("db"), RECORD_ALL).digest(page(file)));
    }

    @Test
    void aFileChangedJustBeforeHashingIsNotRecorded() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A page\n");
        PageDigests digests = PageDigests.beside(dir.resolve("db"));
        digests.digest(page(file));
        digests.save();
        assertEquals(List.of(), Files.readAllLines(record()).subList(1, Files.readAllLines(record()).size()),
                "a file changed within the settling time could change again within the same clock tick");
    }

    @Test
    void aGarbledRecordIsIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A page\n");
        recordThenFake(file);
        Files.writeString(record(), Files.readString(record()) + "not a record line\n");
        assertEquals(Uris.hash("# A page\n".getBytes(StandardCharsets.UTF_8), 64),
                PageDigests.beside(dir.resolve("db"), RECORD_ALL).digest(page(file)));
    }

    @Test
    void nothingIsWrittenWhenNothingWasRead() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "# A page\n");
        PageDigests first = PageDigests.beside(dir.resolve("db"), RECORD_ALL);
        first.digest(page(file));
        first.save();
        assertTrue(Files.exists(record()));
        var written = Files.getLastModifiedTime(record());
        Files.setLastModifiedTime(record(), java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        PageDigests second = PageDigests.beside(dir.resolve("db"), RECORD_ALL);
        second.digest(page(file));
        second.save();
        assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(record()).toMillis());
        assertFalse(Files.exists(record().resolveSibling(record().getFileName() + ".tmp")));
    }
}
