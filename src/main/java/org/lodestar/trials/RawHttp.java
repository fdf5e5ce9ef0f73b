package org.lodestar.trials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection: hostile requests are exactly the ones
 * a well-behaved client refuses to send (a raw backslash or CR in the target, overlong bytes, a
 * 100 KB header), so they are written byte for byte.
 */
final class RawHttp {
    /** An answer: status, the raw header block, and the body (possibly cut at {@link #MAX_BODY}). */
    record Answer(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
                    return line.substring(colon + 1).trim();
            }
            return null;
        }

        List<String> headerNames() {
            List<String> names = new ArrayList<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0)
                    names.add(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT));
            }
            return names;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final int MAX_BODY = 4 << 20;

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** GET {@code target} (sent as it is) with the given extra header lines ("Name: value"). */
    Answer get(String target, String... headers) throws IOException {
        return send("GET", target.getBytes(StandardCharsets.ISO_8859_1), null, headers);
    }

    Answer getBytes(byte[] target, String... headers) throws IOException {
        return send("GET", target, null, headers);
    }

    Answer post(String target, String contentType, String body, String... headers) throws IOException {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: " + contentType);
        return send("POST", target.getBytes(StandardCharsets.ISO_8859_1), body.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
    }

    private Answer send(String method, byte[] target, byte[] body, String... headers) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            req.writeBytes(target);
            req.writeBytes((" HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String h : headers)
                req.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (body != null)
                req.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            req.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null)
                req.writeBytes(body);
            OutputStream out = s.getOutputStream();
            try {
                out.write(req.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may answer (431, 414) and close before a huge request is all written
            }
            return read(s.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readNBytes(MAX_BODY);
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0)
            throw new IOException("no complete answer (" + all.length + " bytes)");
        String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        String[] status = head.split("\r\n", 2)[0].split(" ");
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        Answer a = new Answer(Integer.parseInt(status[1]), head, body);
        if ("chunked".equalsIgnoreCase(a.header("Transfer-Encoding")))
            a = new Answer(a.status(), head, dechunk(body));
        return a;
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(b, i, b.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0)
                break;
            String size = new String(b, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            i += eol + 2;
            if (n == 0 || i + n > b.length)
                break;
            out.write(b, i, n);
            i += n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++)
                if (hay[i + k] != needle[k])
                    continue outer;
            return i;
        }
        return -1;
    }
}
