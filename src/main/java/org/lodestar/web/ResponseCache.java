package org.lodestar.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * Rendered answers (views and entity documents) kept in memory, so that an entity asked for again
 * costs a lookup instead of its queries: readers come back to the same entities, and a hub's page
 * costs a hundred times a typical one. Every key starts with the commit the answer was read from
 * ({@link Site#rendered}), so any write (a build, a SPARQL update) leaves the earlier answers
 * unreachable; they age out of the bounded cache.
 */
final class ResponseCache {
    /**
     * A body and the {@code Link} headers that depend on it (such as the next page), and the same
     * body in HTTP's {@code deflate} coding: as read from the {@link DocStore}, or deflated once, when
     * a client first asks for it that way.
     */
    static final class Rendered {
        private final byte[] body;
        private final List<String> links;
        private volatile byte[] deflated;

        Rendered(byte[] body) {
            this(body, List.of());
        }

        Rendered(byte[] body, List<String> links) {
            this(body, links, null);
        }

        /** @param deflated {@code body} deflated by {@link Zlib}, or null */
        Rendered(byte[] body, List<String> links, byte[] deflated) {
            this.body = body;
            this.links = links;
            this.deflated = deflated;
        }

        byte[] body() { return body; }

        List<String> links() { return links; }

        byte[] deflated() {
            byte[] d = deflated;
            if (d == null)
                deflated = d = Zlib.deflate(body); // two threads may both deflate: the same bytes
            return d;
        }
    }

    /**
     * An answer and where it came from, sent as {@code X-Cache}: {@code HIT} from this cache,
     * {@code STORED} from the rendered documents on disk ({@link DocStore}), {@code MISS} rendered
     * now; null when neither was asked (the cache is off and there is no document for it, or the
     * store cannot tell its commits apart).
     */
    record Served(Rendered rendered, String source) {
        static final String HIT = "HIT", MISS = "MISS", STORED = "STORED";

        void header(jakarta.servlet.http.HttpServletResponse resp) {
            if (source != null)
                resp.setHeader("X-Cache", source);
        }
    }

    private static final int ENTRY_OVERHEAD = 96;

    private final Cache<String, Rendered> cache;

    /** @param megabytes what the bodies may take together; 0 keeps nothing */
    ResponseCache(long megabytes) {
        this.cache = megabytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024)
                // body.length / 4: room for the body deflated on demand (about a fifth of it), counted up front
                .weigher((String key, Rendered r) -> ENTRY_OVERHEAD + 2 * key.length() + r.body().length + r.body().length / 4
                        + r.links().stream().mapToInt(l -> 2 * l.length()).sum())
                .build();
    }

    boolean enabled() {
        return cache != null;
    }

    Rendered find(String key) {
        return cache == null ? null : cache.getIfPresent(key);
    }

    void keep(String key, Rendered rendered) {
        if (cache != null)
            cache.put(key, rendered);
    }
}
