package org.lodestar.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.MediaType;

/**
 * A request whose body has been read once, so a filter can look at a SPARQL update and still hand
 * Fuseki the same bytes. Form bodies are left to the container, which parses them into parameters.
 */
final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest req) throws IOException {
        super(req);
        this.body = isDirect(req) ? req.getInputStream().readAllBytes() : null;
    }

    private static boolean isDirect(HttpServletRequest req) {
        String ct = req.getContentType();
        return ct != null && "application/sparql-update".equalsIgnoreCase(MediaType.create(ct).getContentTypeStr());
    }

    /** The update's text: the body of a direct POST in UTF-8, or the {@code update} form field; null when neither. */
    String updateText() {
        if (body != null) {
            String charset = MediaType.create(getContentType()).getCharset();
            if (charset != null && !charset.equalsIgnoreCase("utf-8"))
                return null;
            return new String(body, StandardCharsets.UTF_8);
        }
        return getParameter("update");
    }

    @Override
    public ServletInputStream getInputStream() {
        if (body == null)
            try {
                return super.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
