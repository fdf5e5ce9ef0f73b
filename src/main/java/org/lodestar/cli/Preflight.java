package org.lodestar.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.lodestar.store.KnowledgeStore;

/**
 * What a command checks before it opens or builds anything, so that a mistake costs one line and
 * leaves nothing behind: TDB2 creates a database folder the moment it is opened, and a port in
 * use is otherwise found only once the whole build is done.
 */
final class Preflight {
    /** TDB2's lock file at the top of a database folder: the holder's process id, as text. */
    private static final String LOCK_FILE = "tdb.lock";

    private Preflight() {}

    /** The seeds folder (or file) must be there. */
    static void seeds(Path seeds) throws UsageException {
        if (!Files.exists(seeds))
            throw new UsageException("--seeds: " + seeds + ": no such file or folder", false);
    }

    /** Port 0 picks a free one; any other must be free now (Jetty binds every interface, so does this). */
    static void port(int port) throws UsageException {
        if (port == 0)
            return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new UsageException("--port: " + port + " is in use by another program (choose another, or --port 0 for any free one)", false);
        } catch (IOException e) {
            throw new UsageException("--port: cannot listen on " + port + ": " + e.getMessage(), false);
        }
    }

    /** The database must not be held by another live process: TDB2 allows one at a time. */
    static void notHeld(Path db) throws UsageException {
        Optional<String> holder = holder(db);
        if (holder.isPresent())
            throw new UsageException("--db: " + db + " is in use by " + holder.get()
                    + " (a TDB2 database is opened by one process at a time: stop it, or use another --db)", false);
    }

    /** Opens the database, with TDB2's own refusal turned into the same one line should another process have taken it meanwhile. */
    static KnowledgeStore open(Path db) throws UsageException {
        notHeld(db);
        try {
            return KnowledgeStore.open(db);
        } catch (AlreadyLocked e) {
            throw new UsageException("--db: " + db + " is in use by another process (" + e.getMessage() + ")", false);
        }
    }

    /**
     * After a first build that failed into a database folder this command made: the folder goes,
     * with the parents made for it ({@code top}; TDB2 let go of it first), and so do the files
     * beside it that the build made, so that a
     * mistake leaves nothing behind. A folder that was there before is never touched.
     */
    static void removeMade(Path db, Path top, KnowledgeStore store, java.util.Set<Path> before) {
        TDBInternal.expel(store.dataset(), true);
        try (Stream<Path> made = Files.walk(top)) {
            for (Path p : made.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
            for (Path beside : besideFiles(db))
                if (!before.contains(beside))
                    Files.deleteIfExists(beside);
        } catch (IOException e) {
            // what could not go stays; the build's own messages already say what failed
        }
    }

    /** The outermost folder that opening {@code db} would make (TDB2 makes the missing parents too); null when {@code db} exists. */
    static Path toBeMade(Path db) {
        Path p = db.toAbsolutePath().normalize();
        if (Files.exists(p))
            return null;
        while (p.getParent() != null && !Files.exists(p.getParent()))
            p = p.getParent();
        return p;
    }

    /** The files beside a database folder named after it ({@code data/tdb2.docs}, {@code data/tdb2.embeddings}). */
    static java.util.Set<Path> besideFiles(Path db) {
        Path parent = db.toAbsolutePath().getParent();
        String prefix = db.getFileName() + ".";
        if (!Files.isDirectory(parent))
            return java.util.Set.of();
        try (Stream<Path> files = Files.list(parent)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return java.util.Set.of();
        }
    }

    /** "process 1234 (java -jar lodestar.jar serve)", when a live process other than this one holds the lock. */
    static Optional<String> holder(Path db) {
        Path lock = db.resolve(LOCK_FILE);
        long pid;
        try {
            if (!Files.isRegularFile(lock))
                return Optional.empty();
            pid = Long.parseLong(Files.readString(lock, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        if (pid == ProcessHandle.current().pid())
            return Optional.empty();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> "process " + pid
                + p.info().commandLine().map(c -> " (" + shorten(c) + ")").orElse(""));
    }

    private static String shorten(String commandLine) {
        String oneLine = commandLine.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
