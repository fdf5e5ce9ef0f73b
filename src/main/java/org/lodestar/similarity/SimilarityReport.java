package org.lodestar.similarity;

/**
 * What one derivation of computed similarity links did.
 *
 * @param cacheHits entities whose embedding was reused: from the cache, or an identical text embedded in this build
 * @param embedded  texts the model embedded in this build
 * @param search    "exact" or "hnsw"
 * @param kept      links stored before and unchanged (same pair, same score): their resource is left as it was
 * @param warning   a problem that did not fail the build (the cache file could not be written), or null
 */
public record SimilarityReport(int entities, int cacheHits, int embedded, String search, int links, int added,
                               int removed, int kept, long millis, String warning) {
    @Override
    public String toString() {
        // an edit's search names the entities it searched again; a full one only the index
        String how = search.startsWith("exact, ") ? "an exact search of the " + search.substring(7) : search + " search";
        return String.format("similarity: %d entities, %d texts embedded (the others' embeddings reused), %s, %d links "
                        + "(%d added, %d removed, %d unchanged) in %.1f s", entities, embedded, how, links,
                added, removed, kept, millis / 1000.0);
    }
}
