package org.lodestar.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists and reads the files of one folder on the class path, whether the classes run from
 * {@code target/classes} or from the shaded jar: the ontology and shapes are whole folders, so
 * adding a file to them must need no list kept in Java.
 */
public final class ClasspathFolder {
    private ClasspathFolder() {}

    /** Names (folder/file) of the files in {@code folder} whose names end with {@code suffix}, sorted. */
    public static List<String> list(String folder, String suffix) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (url == null)
            throw new IllegalStateException("folder '" + folder + "' is not on the class path");
        return listAt(url, folder, suffix, false);
    }

    /**
     * Names (package folder/file) of the files beside {@code anchor}'s class file, in the jar or folder
     * it was loaded from, sorted. Unlike {@link #list}, which lists the first folder of that name on the
     * class path, this never lists another root's files of the same package (tests' classes).
     */
    public static List<String> listBeside(Class<?> anchor, String suffix) {
        String folder = anchor.getPackageName().replace('.', '/');
        return listAt(anchor.getResource(anchor.getSimpleName() + ".class"), folder, suffix, true);
    }

    private static List<String> listAt(URL url, String folder, String suffix, boolean isFile) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme()))
                return listIn(jarFileSystem(uri).getPath(folder), folder, suffix);
            Path path = Path.of(uri);
            return listIn(isFile ? path.getParent() : path, folder, suffix);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list folder '" + folder + "' on the class path", e);
        }
    }

    /** The text of one class-path resource, as UTF-8. */
    public static String read(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The bytes of one class-path resource. */
    public static byte[] bytes(String resource) {
        try (InputStream in = ClasspathFolder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("resource '" + resource + "' is not on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> listIn(Path dir, String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
