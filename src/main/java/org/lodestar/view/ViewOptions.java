package org.lodestar.view;

import java.math.BigDecimal;
import org.lodestar.similarity.SimilaritySettings;

/**
 * What a view shows besides its focus.
 *
 * @param threshold the lowest similarity score shown; written in the view as given ("0.65")
 * @param pageSize  members shown per group (and similar entities shown), at least 1
 * @param page      which page of each group, from 1
 * @param group     the type key of the one group to show; null shows every group, and the
 *                  similarity section only on page 1
 * @param imported  whether similarity links imported from seed pages are shown
 * @param computed  whether similarity links computed by a model are shown
 */
public record ViewOptions(BigDecimal threshold, int pageSize, int page, String group, boolean imported, boolean computed) {
    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.65");
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final ViewOptions DEFAULT = new ViewOptions(DEFAULT_THRESHOLD, DEFAULT_PAGE_SIZE, 1, null);

    public ViewOptions {
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0)
            throw new IllegalArgumentException("threshold must be a number from 0 to 1");
        if (pageSize < 1)
            throw new IllegalArgumentException("page size must be at least 1");
        if (page < 1)
            throw new IllegalArgumentException("page must be at least 1");
    }

    /**
     * What a server with these similarity settings shows by default: the first page of every group,
     * the settings' threshold and kinds of link. The build stores rankings and views for these.
     */
    public static ViewOptions defaults(SimilaritySettings settings) {
        return new ViewOptions(new BigDecimal(settings.thresholdLexical()), DEFAULT_PAGE_SIZE, 1, null,
                settings.mode().showsImported(), settings.mode().showsComputed());
    }

    /** Showing imported and computed similarity links alike. */
    public ViewOptions(BigDecimal threshold, int pageSize, int page, String group) {
        this(threshold, pageSize, page, group, true, true);
    }

    public ViewOptions withGroup(String group, int page) {
        return new ViewOptions(threshold, pageSize, page, group, imported, computed);
    }

    public ViewOptions withSimilarity(boolean imported, boolean computed) {
        return new ViewOptions(threshold, pageSize, page, group, imported, computed);
    }

    /** Whether the similarity section belongs in this view. */
    boolean showsSimilarity() {
        return group == null && page == 1;
    }

    /** Whether a group with this type key belongs in this view. */
    boolean showsGroup(String typeKey) {
        return group == null || group.equals(typeKey);
    }
}
