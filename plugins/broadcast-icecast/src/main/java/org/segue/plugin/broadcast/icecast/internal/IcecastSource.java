package org.segue.plugin.broadcast.icecast.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A source connection to an Icecast mount: the HTTP {@code PUT} with {@code Expect: 100-continue}
 * that Icecast 2.4 and libshout speak, then the encoded stream as the request body until
 * {@link #close()}. A raw socket, because the body has no length and must not be chunked (Icecast
 * 2.4 reads it as it comes), which {@code java.net.http} cannot send.
 *
 * <p>The password goes into the {@code Authorization} header only; messages name the server and
 * mount, never credentials.
 */
final class IcecastSource implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final String where;

    private IcecastSource(Socket socket, OutputStream out, String where) {
        this.socket = socket;
        this.out = out;
        this.where = where;
    }

    /**
     * Connects and asks to stream to the URL's mount.
     *
     * @param url {@code http://host:port/mount}
     * @param headers {@code ice-*} stream descriptions
     * @throws IOException naming the server and what it answered (wrong password, mount in use …)
     */
    static IcecastSource open(URI url, String user, String password, String contentType, Map<String, String> headers,
            Duration timeout) throws IOException {
        if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getPath() == null
                || url.getPath().length() < 2) {
            throw new IllegalArgumentException("an Icecast mount is http://host:port/mount, not " + url);
        }
        String where = "Icecast server " + url.getHost() + ":" + port(url) + " mount " + url.getPath();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(url.getHost(), port(url)), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder();
            request.append("PUT ").append(url.getRawPath()).append(" HTTP/1.1\r\n");
            request.append("Host: ").append(url.getHost()).append(':').append(port(url)).append("\r\n");
            request.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            request.append("User-Agent: Segue\r\n");
            request.append("Content-Type: ").append(contentType).append("\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v.replaceAll("[\r\n]", " ")).append("\r\n"));
            request.append("Expect: 100-continue\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = readStatusAndHeaders(new BufferedInputStream(socket.getInputStream()));
            int code = code(status);
            if (code != 100 && code != 200) {
                throw new IOException(where + " refused the stream: " + explain(code, status));
            }
            // Icecast answers once, then only reads; a stuck write must not hang on a read timeout.
            socket.setSoTimeout(0);
            return new IcecastSource(socket, out, where);
        } catch (IOException | RuntimeException e) {
            socket.close();
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(where)) {
                throw io;
            }
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    /** Sends encoded bytes. */
    void write(byte[] data, int offset, int length) throws IOException {
        try {
            out.write(data, offset, length);
        } catch (IOException e) {
            throw new IOException(where + " closed the stream: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.flush();
        } finally {
            socket.close();
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 8000;
    }

    private static String readStatusAndHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 16 * 1024) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
            throw new IOException("no answer: is it an Icecast server?");
        }
        return text.lines().findFirst().orElse("");
    }

    private static int code(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: " + statusLine, e);
        }
    }

    private static String explain(int code, String status) {
        return switch (code) {
            case 401 -> "wrong source user or password (" + status + ")";
            case 403 -> "the mount is in use by another source, or sources are not allowed there (" + status + ")";
            case 405 -> "the server does not accept sources with PUT; Icecast 2.4 or newer is needed (" + status + ")";
            default -> status;
        };
    }
}
