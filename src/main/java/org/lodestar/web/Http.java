package org.lodestar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.lodestar.rdf.Uris;

/** The HTTP plumbing every Lodestar servlet shares: CORS, validators and conditional requests, plain answers. */
final class Http {
    static final String READ_METHODS = "GET, HEAD, OPTIONS";
    /** How long a shared cache may reuse a representation without asking; validators make asking cheap. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private Http() {}

    /** CORS for reads: any origin, and the headers a script needs to follow links and revalidate. */
    static void cors(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Expose-Headers", "Link, ETag, Content-Location, Last-Modified, Location, Vary");
    }

    /** Answers a CORS preflight or a plain OPTIONS for a read-only resource. */
    static void options(HttpServletResponse resp) {
        cors(resp);
        resp.setHeader("Allow", READ_METHODS);
        resp.setHeader("Access-Control-Allow-Methods", READ_METHODS);
        resp.setHeader("Access-Control-Allow-Headers", "Accept, If-None-Match, If-Modified-Since");
        resp.setHeader("Access-Control-Max-Age", "86400");
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** A strong validator: a hash of everything the representation depends on, quoted. */
    static String etag(String... parts) {
        return "\"" + Uris.hash(String.join("\u0000", parts), 32) + "\"";
    }

    /**
     * Sets ETag, Last-Modified and Cache-Control, and answers 304 when the client's copy is current:
     * If-None-Match first (weak comparison, as RFC 9110 says for it), If-Modified-Since only without it.
     *
     * @return true when a 304 was sent and nothing more must be written
     */
    static boolean validators(HttpServletRequest req, HttpServletResponse resp, String etag, Instant modified) {
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", modified.toEpochMilli() / 1000 * 1000);
        resp.setHeader("Cache-Control", CACHE_CONTROL);
        String inm = req.getHeader("If-None-Match");
        boolean fresh;
        if (inm != null) {
            fresh = matches(inm, etag);
        } else {
            long ims = ifModifiedSince(req);
            fresh = ims >= 0 && modified.getEpochSecond() <= ims / 1000;
        }
        if (fresh)
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return fresh;
    }

    /**
     * Whether the client names the {@code deflate} content coding with a quality above 0. Only a
     * coding named outright counts: {@code *} and an absent header get the identity coding, which
     * every client reads, and so does a client that refuses identity ({@code identity;q=0}) but
     * does not name deflate, as RFC 9110 allows when nothing else it takes is on offer.
     */
    static boolean acceptsDeflate(HttpServletRequest req) {
        QuotedQualityCSV codings = new QuotedQualityCSV();
        req.getHeaders("Accept-Encoding").asIterator().forEachRemaining(codings::addValue);
        return codings.getValues().stream().anyMatch("deflate"::equalsIgnoreCase);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(opaque(etag)))
                return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static long ifModifiedSince(HttpServletRequest req) {
        try {
            return req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** A short plain-text answer (errors, robots.txt). */
    static void text(HttpServletResponse resp, int status, String body) throws IOException {
        send(resp, status, Format.TEXT.contentType(), body);
    }

    static void send(HttpServletResponse resp, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** 406: what was asked, and every media type that is on offer. */
    static void notAcceptable(HttpServletResponse resp, String accept, ContentNegotiation conneg) throws IOException {
        resp.setHeader("Vary", "Accept");
        text(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "Nothing here matches Accept: " + accept
                + "\nAvailable: " + conneg.describeOffers() + "\n");
    }

    /** {@code Link} header values naming each representation of a resource at {@code path.ext}. */
    static List<String> alternates(String path, List<Format> formats) {
        return formats.stream().map(f -> "<" + path + "." + f.extension() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"").toList();
    }
}
