package org.segue.plugin.decoder.mp3.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.segue.api.audio.AudioDecodingException;

/**
 * Finds where the audio of an MP3 starts and how long it is: skips ID3v2 tags (their sizes checked
 * against the file first), finds the first frame that a second valid frame follows, and reads the
 * Xing/Info (with LAME's encoder delay and padding) or VBRI frame count.
 *
 * @param first the first frame's header: the stream's format
 * @param audioStart byte offset of the first frame (the info frame, when there is one)
 * @param infoFrame whether the first frame is a Xing/Info/VBRI frame, which carries no audio
 * @param frames audio frames after the info frame, or -1 when unknown
 * @param delay encoder delay in samples from the LAME tag, or -1 when unknown
 * @param padding encoder padding in samples from the LAME tag
 * @param head the bytes read from {@code audioStart} on, for streams that cannot go back
 */
record Mp3Headers(MpegHeader first, long audioStart, boolean infoFrame, long frames, int delay, int padding,
        byte[] head) {
    /** How far past the tags the first frame is looked for. */
    static final int SEARCH_BYTES = 64 * 1024;
    /** The MDCT/filterbank delay of an MPEG layer III decoder (as in mpg123 and the LAME docs). */
    static final int DECODER_DELAY = 529;

    static boolean isId3(byte[] b, int n) {
        return n >= 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3';
    }

    /** @param size the file size, or -1 for a stream */
    static Mp3Headers read(InputStream in, long size, String source) throws IOException {
        long limit = size < 0 ? Long.MAX_VALUE : size;
        long pos = 0;
        byte[] h = new byte[10];
        int n = in.readNBytes(h, 0, 10);
        if (n <= 0) {
            throw new AudioDecodingException(source, "not an MP3 file: the file is empty");
        }
        for (int tags = 0; n == 10 && isId3(h, n) && tags < 8; tags++) {
            long length = 10 + ((h[6] & 0x7fL) << 21 | (h[7] & 0x7fL) << 14 | (h[8] & 0x7fL) << 7 | (h[9] & 0x7fL))
                    + ((h[5] & 0x10) != 0 ? 10 : 0);
            if (pos + length > limit) {
                throw new AudioDecodingException(source, "ID3v2 tag claims " + length + " bytes, but the file has "
                        + (limit - pos) + " left");
            }
            try {
                in.skipNBytes(length - 10);
            } catch (EOFException e) {
                throw new AudioDecodingException(source, "the file ends inside its ID3v2 tag: it is truncated");
            }
            pos += length;
            n = in.readNBytes(h, 0, 10);
        }
        byte[] head = new byte[SEARCH_BYTES + 4096];
        System.arraycopy(h, 0, head, 0, n);
        int filled = n + in.readNBytes(head, n, head.length - n);
        for (int p = 0; p + 4 <= Math.min(filled, SEARCH_BYTES); p++) {
            MpegHeader first = MpegHeader.parse(head, p);
            if (first == null) {
                continue;
            }
            // A second frame right after the first confirms it (a lone 0xFFE sync is often chance);
            // the end of the data, or an ID3v1 tag, after a last frame does too.
            int next = p + first.frameBytes();
            boolean atEnd = filled < head.length;
            boolean confirmed = next + 4 <= filled
                    ? first.sameStream(MpegHeader.parse(head, next))
                            || head[next] == 'T' && head[next + 1] == 'A' && head[next + 2] == 'G'
                    : atEnd && next <= filled;
            if (confirmed) {
                return info(first, pos + p, head, p, filled);
            }
        }
        throw new AudioDecodingException(source, "not an MP3 file: no MPEG audio frame in its first "
                + (pos + Math.min(filled, SEARCH_BYTES)) + " bytes" + (pos > 0 ? " after the ID3v2 tag" : ""));
    }

    private static Mp3Headers info(MpegHeader first, long audioStart, byte[] head, int p, int filled) {
        byte[] rest = java.util.Arrays.copyOfRange(head, p, filled);
        int x = first.xingOffset();
        if (x + 8 <= Math.min(rest.length, first.frameBytes())) {
            String id = new String(rest, x, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (id.equals("Xing") || id.equals("Info")) {
                int flags = be32(rest, x + 4);
                int q = x + 8;
                long frames = -1;
                if ((flags & 1) != 0 && q + 4 <= rest.length) {
                    frames = be32(rest, q) & 0xffffffffL;
                    q += 4;
                }
                q += (flags & 2) != 0 ? 4 : 0;
                q += (flags & 4) != 0 ? 100 : 0;
                q += (flags & 8) != 0 ? 4 : 0;
                int delay = -1;
                int padding = 0;
                // The LAME extension: a 9-byte encoder name, then delay and padding at +21.
                if (q + 24 <= Math.min(rest.length, first.frameBytes()) && (rest[q] == 'L' || rest[q] == 'l')) {
                    int dp = (rest[q + 21] & 0xff) << 16 | (rest[q + 22] & 0xff) << 8 | (rest[q + 23] & 0xff);
                    delay = dp >>> 12;
                    padding = dp & 0xfff;
                }
                return new Mp3Headers(first, audioStart, true, frames, delay, padding, rest);
            }
        }
        int v = 4 + 32;
        if (v + 18 <= rest.length && rest[v] == 'V' && rest[v + 1] == 'B' && rest[v + 2] == 'R' && rest[v + 3] == 'I') {
            long frames = be32(rest, v + 14) & 0xffffffffL;
            return new Mp3Headers(first, audioStart, true, frames, -1, 0, rest);
        }
        return new Mp3Headers(first, audioStart, false, -1, -1, 0, rest);
    }

    private static int be32(byte[] b, int p) {
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }

    /** Samples JLayer outputs before the first sample of the track (gapless playback). */
    int skipSamples() {
        return delay >= 0 && first.layer() == 3 ? delay + DECODER_DELAY : 0;
    }

    /**
     * The track length in samples: exact from a Xing/VBRI frame count (trimmed by the LAME delay and
     * padding), else estimated from the audio bytes and the first frame's bitrate (exact for CBR),
     * else -1.
     *
     * @param audioBytes bytes from {@code audioStart} to the end of the audio, or -1 when unknown
     */
    long length(long audioBytes) {
        if (frames >= 0) {
            long samples = frames * first.samplesPerFrame();
            if (delay >= 0) {
                samples -= delay + padding;
            }
            return Math.max(0, samples);
        }
        if (audioBytes < 0 || infoFrame) {
            return -1;
        }
        return Math.round(audioBytes * 8.0 * first.sampleRate() / (first.bitrate() * 1000.0));
    }
}
