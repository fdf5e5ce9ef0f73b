package org.lodestar.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds seed pages: a file is one page, a folder is every {@code .txt} file under it. */
public final class SeedFiles {
    public static final String SUFFIX = ".txt";

    private SeedFiles() {}

    /**
     * @throws NoSuchFileException when a path does not exist
     * @throws IllegalArgumentException when two pages would get the same name
     */
    public static List<SeedFile> collect(List<Path> paths) throws IOException {
        List<SeedFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path))
                files.addAll(folder(path));
            else if (Files.isRegularFile(path))
                files.add(read(path.getFileName().toString(), path));
            else
                throw new NoSuchFileException(path.toString());
        }
        Map<String, String> seen = new HashMap<>();
        for (SeedFile f : files) {
            String other = seen.putIfAbsent(f.name(), f.display());
            if (other != null)
                throw new IllegalArgumentException(f.display() + " and " + other + " would both be the page '" + f.name() + "'");
        }
        return files;
    }

    /** Every page under a folder, named by its path inside it, in name order. */
    public static List<SeedFile> folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new NoSuchFileException(dir.toString(), null, "not a folder");
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
        List<SeedFile> files = new ArrayList<>();
        for (Path p : paths)
            files.add(read(dir.relativize(p).toString().replace('\\', '/'), p));
        return files;
    }

    private static SeedFile read(String name, Path path) {
        return SeedFile.onDisk(name, path.toString(), path);
    }
}
