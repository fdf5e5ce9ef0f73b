package org.lodestar.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the shared parts of every HTML page ({@code site-header}, {@code site-formats} partials)
 * read from a template's scope: the breadcrumbs and the other formats the page is offered in. Every
 * key is set, empty when absent, so a page never shows an outer scope's crumbs.
 */
public final class PageChrome {
    private PageChrome() {}

    /** @param href null for the current page (the last crumb) */
    public static Map<String, Object> crumb(String name, String href) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("href", href);
        return m;
    }

    public static void crumbs(Map<String, Object> scope, List<Map<String, Object>> crumbs) {
        scope.put("crumbs", crumbs);
        scope.put("hasCrumbs", !crumbs.isEmpty());
    }

    /** Home › the class's heading (its list) › {@code label}. */
    public static void entityCrumbs(Map<String, Object> scope, String typeKey, String heading, String label) {
        crumbs(scope, List.of(crumb("Home", "/"), crumb(heading, "/search?class=" + typeKey), crumb(label, null)));
    }

    /** @param formats maps with {@code name}, {@code mediaType} and {@code href} */
    public static void formats(Map<String, Object> scope, List<Map<String, Object>> formats) {
        scope.put("formats", formats);
        scope.put("hasFormats", !formats.isEmpty());
    }
}
