package org.lodestar.view;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * The renderings of a view, with their media types and file extensions, and the one rule that
 * picks one for an Accept header.
 *
 * <p>Negotiation follows q-values and wildcards (Jena's {@link AcceptList}). The offers are listed
 * JSON first: a client that accepts anything ({@code *}{@code /*}, or sends no Accept at all, as
 * curl and most libraries do) is a program and gets JSON; browsers ask for {@code text/html}
 * explicitly and get the page; {@code text/plain} gets the seed format. Nothing acceptable: none.
 */
public enum ViewFormat {
    JSON("json", "application/json", "application/json"),
    HTML("html", "text/html", "text/html; charset=utf-8"),
    TEXT("txt", "text/plain", "text/plain; charset=utf-8");

    private static final AcceptList OFFERS =
            AcceptList.create(Arrays.stream(values()).map(f -> f.mediaType).toArray(String[]::new));

    private final String extension;
    private final String mediaType;
    private final String contentType;

    ViewFormat(String extension, String mediaType, String contentType) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    public String extension() { return extension; }

    /** The bare media type, e.g. {@code text/html}. */
    public String mediaType() { return mediaType; }

    /** The Content-Type header value, with the charset where the type needs one. */
    public String contentType() { return contentType; }

    /** The format a file extension names ({@code txt}, {@code json}, {@code html}). */
    public static Optional<ViewFormat> forExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    /** The format a command-line name names: {@code text}, {@code json} or {@code html}. */
    public static Optional<ViewFormat> named(String name) {
        return "text".equals(name) ? Optional.of(TEXT) : forExtension(name).filter(f -> f != TEXT);
    }

    /** The best format for an Accept header; a missing or blank header accepts anything. */
    public static Optional<ViewFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank())
            return Optional.of(JSON);
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFERS);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (chosen == null)
            return Optional.empty();
        String type = chosen.getContentTypeStr();
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    /** The offers, for the message of a 406. */
    public static String offered() {
        return String.join(", ", Arrays.stream(values()).map(f -> f.mediaType).toList());
    }
}
