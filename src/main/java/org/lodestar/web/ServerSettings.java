package org.lodestar.web;

import java.nio.file.Path;

/**
 * How to serve, checked and fixed before anything starts.
 *
 * @param db      TDB2 folder; null for an in-memory database
 * @param passwd  Jetty password file; null means there is no update endpoint at all
 */
public record ServerSettings(int port, Path db, Path seeds, String base, Path passwd, long timeoutMillis) {}
