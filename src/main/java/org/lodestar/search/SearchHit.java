package org.lodestar.search;

/**
 * One entity found.
 *
 * @param id          {@code type:slug}
 * @param description null when it has none
 */
public record SearchHit(String uri, String id, String type, String label, String description, long degree) {}
