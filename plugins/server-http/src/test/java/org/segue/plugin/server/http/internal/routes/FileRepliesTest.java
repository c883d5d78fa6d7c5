package org.segue.plugin.server.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Reply;

class FileRepliesTest {

    @TempDir
    Path dir;

    private byte[] content() {
        byte[] b = new byte[200_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    private static byte[] body(Reply r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.body().writeTo(out);
        return out.toByteArray();
    }

    @Test
    void servesTheWholeFileOrTheRangeAsked() throws Exception {
        byte[] c = content();
        Path f = Files.write(dir.resolve("a.wav"), c);
        Reply whole = FileReplies.file(f, "audio/wav", null);
        assertEquals(200, whole.status());
        assertEquals(c.length, whole.length());
        assertArrayEquals(c, body(whole));
        assertNull(whole.headers().get("Content-Range"));
        assertEquals("bytes", whole.headers().get("Accept-Ranges"));

        Reply mid = FileReplies.file(f, "audio/wav", "bytes=100000-100099");
        assertEquals(206, mid.status());
        assertEquals("bytes 100000-100099/200000", mid.headers().get("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(c, 100_000, 100_100), body(mid));

        Reply open = FileReplies.file(f, "audio/wav", "bytes=199990-");
        assertArrayEquals(Arrays.copyOfRange(c, 199_990, 200_000), body(open));
        Reply suffix = FileReplies.file(f, "audio/wav", "bytes=-5");
        assertEquals("bytes 199995-199999/200000", suffix.headers().get("Content-Range"));
        Reply clipped = FileReplies.file(f, "audio/wav", "bytes=199999-300000");
        assertEquals(1, body(clipped).length, "an end past the file is clipped to it");
    }

    @Test
    void unsatisfiableRangesAre416WithTheSize() throws Exception {
        Path f = Files.write(dir.resolve("a.wav"), content());
        for (String bad : new String[] {"bytes=200000-", "bytes=5-2", "bytes=-", "lines=1-2", "bytes=1-2,5-6"}) {
            ApiException e = assertThrows(ApiException.class, () -> FileReplies.file(f, "audio/wav", bad), bad);
            assertEquals(416, e.status(), bad);
            assertEquals("bytes */200000", e.headers().get("Content-Range"));
        }
    }
}
