package org.lodestar.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One seed page. A page found on disk is read when its content is asked for, not when it is found:
 * a build reads every page twice (once for identities, once to convert it), and holding the bytes
 * of a million pages between the two would cost gigabytes of heap.
 */
public final class SeedFile {
    private final String name, display;
    private final byte[] content;
    private final Path path;

    /**
     * @param name    its path inside the seeds folder, with '/' separators; names its graph
     * @param display the path a user recognises, used in messages
     */
    public SeedFile(String name, String display, byte[] content) {
        this(name, display, Objects.requireNonNull(content), null);
    }

    private SeedFile(String name, String display, byte[] content, Path path) {
        this.name = name;
        this.display = display;
        this.content = content;
        this.path = path;
    }

    /** A page whose bytes stay on disk until {@link #content} reads them. */
    public static SeedFile onDisk(String name, String display, Path path) {
        return new SeedFile(name, display, null, path);
    }

    public String name() { return name; }

    public String display() { return display; }

    /** The file the page is read from; empty for a page given as bytes. */
    public Optional<Path> path() { return Optional.ofNullable(path); }

    /**
     * The page's bytes, read from disk at each call for a page found there.
     *
     * @throws UncheckedIOException naming the file when it cannot be read (removed since it was found)
     */
    public byte[] content() {
        if (content != null)
            return content;
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(display + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeedFile f && name.equals(f.name) && display.equals(f.display);
    }

    @Override
    public int hashCode() { return name.hashCode(); }

    @Override
    public String toString() { return display; }
}
