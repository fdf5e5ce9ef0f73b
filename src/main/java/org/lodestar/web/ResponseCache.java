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
     * A body and the {@code Link} headers that depend on it (such as the next page); {@code deflated}
     * is the same body in HTTP's {@code deflate} coding (zlib) when it was read that way from the
     * {@link DocStore}, else null.
     */
    record Rendered(byte[] body, List<String> links, byte[] deflated) {
        Rendered(byte[] body) {
            this(body, List.of());
        }

        Rendered(byte[] body, List<String> links) {
            this(body, links, null);
        }

        /** The body in the {@code deflate} coding: as stored, or deflated now. */
        byte[] deflatedBody() {
            return deflated != null ? deflated : DocFileWriter.deflate(body);
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
                .weigher((String key, Rendered r) -> ENTRY_OVERHEAD + 2 * key.length() + r.body().length
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
