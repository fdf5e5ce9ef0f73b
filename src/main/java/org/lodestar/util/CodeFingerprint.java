package org.lodestar.util;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of the class files of some packages and of some resource folders: what a stored result
 * was made by, so that another release (or a rebuilt jar with other code) makes it again.
 */
public final class CodeFingerprint {
    private CodeFingerprint() {}

    /**
     * @param anchors one class of each package whose classes count (nested ones too)
     * @param folders resource folders on the class path whose files count ({@code ontology}, {@code shapes})
     */
    public static String of(List<Class<?>> anchors, List<String> folders) {
        List<String> files = new ArrayList<>();
        for (Class<?> anchor : anchors)
            files.addAll(ClasspathFolder.listBeside(anchor, ".class"));
        for (String folder : folders)
            files.addAll(ClasspathFolder.list(folder, ""));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String file : files) {
            all.writeBytes((file + "\n").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(ClasspathFolder.bytes(file));
        }
        return sha256(all.toByteArray()).substring(0, 32);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
