package org.lodestar.web;

import java.nio.file.Path;
import org.lodestar.similarity.SimilaritySettings;

/**
 * How to serve, checked and fixed before anything starts.
 *
 * @param db      TDB2 folder; null for an in-memory database
 * @param base    base of the minted URIs; null (before {@code serve} has opened the database) for
 *                the one the database was built under
 * @param passwd  Jetty password file; null means there is no update endpoint at all
 * @param similarity which similarity links the first build computes and the pages show
 *                   ({@code mode().showsImported()}, {@code showsComputed()}), with threshold and k
 * @param cacheMegabytes memory for rendered views and documents kept for the next request; 0 keeps none
 */
public record ServerSettings(int port, Path db, Path seeds, String base, Path passwd, long timeoutMillis,
                             SimilaritySettings similarity, long cacheMegabytes) {
    /** {@code serve}'s default for {@code --cache}. */
    public static final long DEFAULT_CACHE_MB = 128;

    /** The same settings with the base the database is served under. */
    public ServerSettings withBase(String base) {
        return new ServerSettings(port, db, seeds, base, passwd, timeoutMillis, similarity, cacheMegabytes);
    }

    /** With the similarity defaults of {@code serve}: imported and computed links, threshold 0.65, k 20. */
    public ServerSettings(int port, Path db, Path seeds, String base, Path passwd, long timeoutMillis) {
        this(port, db, seeds, base, passwd, timeoutMillis, SimilaritySettings.DEFAULT);
    }

    /** With {@code serve}'s default cache. */
    public ServerSettings(int port, Path db, Path seeds, String base, Path passwd, long timeoutMillis,
                          SimilaritySettings similarity) {
        this(port, db, seeds, base, passwd, timeoutMillis, similarity, DEFAULT_CACHE_MB);
    }
}
