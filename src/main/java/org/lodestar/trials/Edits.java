package org.lodestar.trials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Edits of generated pages between builds, as a curator makes them: a revised description line
 * (line 4) on a few pages, which {@code build} converts alone, or on more than one page in a
 * hundred, which takes the full path. Each edit writes {@code marker} into the text, so the trial
 * can find the entities it touched in the data and in what the server sends.
 */
final class Edits {
    private static final String NEIGHBOURHOOD = "Neighborhood";

    private Edits() {}

    /** @return how many pages were edited */
    static int describe(Path pages, int count, String marker, Random random) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(pages)) {
            files = new ArrayList<>(all.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
        }
        Collections.shuffle(files, random);
        int edited = 0;
        for (Path f : files) {
            if (edited == count)
                break;
            List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
            // only pages with a description line: a stub's fourth line is its neighbourhood heading
            if (lines.size() < 5 || lines.get(3).startsWith(NEIGHBOURHOOD))
                continue;
            String d = lines.get(3).replaceAll(" \\[rev-[^\\]]*\\]$", "");
            lines.set(3, d + " [" + marker + "]");
            Files.write(f, lines, StandardCharsets.UTF_8);
            edited++;
        }
        return edited;
    }
}
