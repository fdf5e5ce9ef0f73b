package org.lodestar.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How to run the benchmark.
 *
 * @param out      where to write the JSON; null for none
 * @param work     the folder for pages, databases and dumps (a fresh sub-folder is made in it)
 * @param views    distinct entities whose view is fetched (cold, then warm)
 * @param requests requests per side of the dereferencing comparison
 * @param clients  concurrent clients for dereferencing
 * @param embed    compute similarity links with the embedding model (the server's default), or imported links only
 * @param keep     keep the work folder afterwards
 * @param measure  the measurements to run, by name ({@link #MEASUREMENTS}); the build is always timed
 * @param db       a TDB2 folder that a run with {@code --keep} left, measured as it is (nothing is
 *                 generated or built; only {@link #OF_A_DATABASE} can be measured); null to generate and build
 */
public record BenchSettings(int entities, long seed, Path out, Path work, int views, int requests, int clients,
                            boolean embed, boolean keep, Set<String> measure, Path db) {
    public static final int VIEWS = 1_000, REQUESTS = 4_000, CLIENTS = 32;
    /** Every measurement, in the order a run makes them. */
    public static final List<String> MEASUREMENTS = List.of("loading", "views", "dereferencing", "similarity", "editing");
    /** What needs no build of this run: loading compares with the build's writing, similarity with its embedding. */
    public static final List<String> OF_A_DATABASE = List.of("views", "dereferencing");
}
