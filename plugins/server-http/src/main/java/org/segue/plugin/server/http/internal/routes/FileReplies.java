package org.segue.plugin.server.http.internal.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Reply;

/**
 * Files as answers, with single byte ranges ({@code Range: bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}) so a browser's audio element can seek without downloading the whole file.
 */
public final class FileReplies {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileReplies() {
    }

    public static Reply file(Path file, String contentType, String range) throws IOException {
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null && !range.isBlank()) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                throw unsatisfiable(range, size);
            }
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(m.group(2)));
                    }
                }
            } catch (NumberFormatException e) {
                throw unsatisfiable(range, size);
            }
            if (start > end || start >= size) {
                throw unsatisfiable(range, size);
            }
            partial = true;
        }
        long from = start;
        long length = end - start + 1;
        Reply r = Reply.stream(partial ? 206 : 200, contentType, length, out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(from);
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        });
        r.header("Accept-Ranges", "bytes");
        if (partial) {
            r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return r;
    }

    private static ApiException unsatisfiable(String range, long size) {
        return new ApiException(416, "Range not satisfiable", "the file has " + size + " bytes; cannot serve " + range,
                "Range", java.util.Map.of("Content-Range", "bytes */" + size));
    }
}
