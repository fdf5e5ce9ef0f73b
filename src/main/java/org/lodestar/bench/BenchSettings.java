package org.lodestar.bench;

import java.nio.file.Path;

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
 */
public record BenchSettings(int entities, long seed, Path out, Path work, int views, int requests, int clients,
                            boolean embed, boolean keep) {
    public static final int VIEWS = 1_000, REQUESTS = 4_000, CLIENTS = 32;
}
