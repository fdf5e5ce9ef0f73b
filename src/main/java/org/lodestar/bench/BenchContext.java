package org.lodestar.bench;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Path;
import org.lodestar.store.BuildFailedException;
import org.lodestar.store.BuildReport;
import java.util.List;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;

/**
 * What every measurement works with: the settings, the built store, the running server's HTTP
 * client, the entities (most connected first), a work folder, and where to say what is going on.
 */
record BenchContext(BenchSettings settings, KnowledgeStore store, Uris uris, Http http, List<Target> entities,
                    Path work, Path dump, PrintStream log, Rebuild rebuild) {
    /** Builds the run's seed pages again into its store, as the first build did (same settings, same embedding cache). */
    interface Rebuild {
        BuildReport run() throws IOException, BuildFailedException;
    }
}
