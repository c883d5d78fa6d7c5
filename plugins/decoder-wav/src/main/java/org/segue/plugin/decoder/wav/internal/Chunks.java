package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.segue.api.audio.AudioDecodingException;

/** Chunk-level helpers shared by the RIFF and IFF parsers: headers, bounded reads, sniffing. */
final class Chunks {
    /** Largest metadata chunk (fmt, COMM, LIST, ID3…) read into memory; bigger ones are corrupt or skipped. */
    static final int MAX_META_CHUNK = 16 << 20;

    private Chunks() {
    }

    static String id(byte[] b, int p) {
        return new String(b, p, 4, StandardCharsets.ISO_8859_1);
    }

    /** True for a chunk id of printable ASCII, as every real chunk id is. */
    static boolean plausibleId(byte[] b, int p) {
        for (int i = p; i < p + 4; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Reads a whole metadata chunk body of {@code size} bytes after checking it against the limits. */
    static byte[] readBody(ByteInput in, String source, String id, long size) throws IOException {
        if (size > MAX_META_CHUNK || size > in.remaining()) {
            throw new AudioDecodingException(source, "'" + id + "' chunk claims " + size + " bytes, but "
                    + (size > in.remaining() ? "only " + in.remaining() + " remain in the file" : "the limit is "
                    + MAX_META_CHUNK));
        }
        byte[] body = new byte[(int) size];
        int n = in.read(body, 0, body.length);
        if (n < size) {
            throw new AudioDecodingException(source, "'" + id + "' chunk ends early: the file is truncated");
        }
        return body;
    }

    /** Skips a chunk body and its pad byte; a chunk running past the end of a file is corrupt. */
    static void skip(ByteInput in, String source, String id, long size) throws IOException {
        if (size > in.remaining()) {
            throw new AudioDecodingException(source, "'" + id + "' chunk claims " + size + " bytes, but only "
                    + in.remaining() + " remain in the file");
        }
        long padded = size + (size & 1);
        if (in.skip(padded) < size) {
            throw new AudioDecodingException(source, "'" + id + "' chunk ends early: the stream is truncated");
        }
    }

    /**
     * Text of a RIFF INFO or AIFF text chunk. Neither format names a character set: UTF-8 when the
     * bytes are valid UTF-8 (as ffmpeg and modern tools write), else ISO-8859-1 (older tools).
     */
    static String text(byte[] b, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** What the first bytes look like, for "not a WAV file" messages. */
    static String describe(byte[] h, int n) {
        if (n <= 0) {
            return "the file is empty";
        }
        String guess = "";
        if (n >= 3 && h[0] == 'I' && h[1] == 'D' && h[2] == '3'
                || n >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0) {
            guess = " (it looks like MP3)";
        } else if (n >= 4 && id(h, 0).equals("fLaC")) {
            guess = " (it looks like FLAC)";
        } else if (n >= 4 && id(h, 0).equals("OggS")) {
            guess = " (it looks like Ogg)";
        } else if (n >= 8 && id(h, 4).equals("ftyp")) {
            guess = " (it looks like MP4/M4A)";
        }
        StringBuilder s = new StringBuilder("it starts with ");
        for (int i = 0; i < Math.min(n, 12); i++) {
            s.append(String.format("%02x", h[i] & 0xff));
        }
        return s.append(guess).toString();
    }
}
