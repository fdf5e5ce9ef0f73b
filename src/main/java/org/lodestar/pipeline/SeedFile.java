package org.lodestar.pipeline;

/**
 * One seed page as read from disk.
 *
 * @param name    its path inside the seeds folder, with '/' separators; names its graph
 * @param display the path a user recognises, used in messages
 */
public record SeedFile(String name, String display, byte[] content) {}
