package org.segue.plugin.decoder.flac.internal;

import org.segue.support.audio.VorbisComments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.TrackTags;

/**
 * The metadata of a FLAC stream, parsed here rather than by jflac so every block length is checked
 * against the file before anything is allocated: an optional leading ID3v2 tag, {@code fLaC},
 * STREAMINFO and SEEKTABLE; other blocks are skipped.
 *
 * @param format sample rate and channels
 * @param bitsPerSample 4..32
 * @param totalSamples frames in the stream, 0 when the encoder did not know
 * @param streamInfo the 34-byte STREAMINFO body, handed to jflac
 * @param audioStart the byte offset of the first frame
 * @param seekPoints sample numbers and byte offsets (from {@code audioStart}), ascending
 * @param tags the VORBIS_COMMENT block's tags, when read
 */
record FlacHeaders(AudioFormat format, int bitsPerSample, long totalSamples, byte[] streamInfo, long audioStart,
        long[][] seekPoints, TrackTags tags) {
    private static final int STREAMINFO = 0;
    private static final int SEEKTABLE = 3;
    private static final int VORBIS_COMMENT = 4;

    static boolean sniff(byte[] h) {
        return h != null && h.length >= 4 && h[0] == 'f' && h[1] == 'L' && h[2] == 'a' && h[3] == 'C';
    }

    /**
     * Reads the headers from {@code in}, leaving it at the first frame.
     *
     * @param size the file size, or -1 for a stream
     */
    static FlacHeaders read(InputStream in, long size, String source) throws IOException {
        return read(in, size, source, false);
    }

    /** @param withTags whether to parse the VORBIS_COMMENT block (else it is skipped) */
    static FlacHeaders read(InputStream in, long size, String source, boolean withTags) throws IOException {
        long limit = size < 0 ? Long.MAX_VALUE : size;
        byte[] b = new byte[10];
        int n = in.readNBytes(b, 0, 4);
        long pos = n;
        if (n == 4 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
            // Some taggers put ID3v2 in front of FLAC; skip it, as libFLAC does.
            if (in.readNBytes(b, 4, 6) < 6) {
                throw truncated(source);
            }
            long tag = (b[6] & 0x7fL) << 21 | (b[7] & 0x7fL) << 14 | (b[8] & 0x7fL) << 7 | (b[9] & 0x7fL);
            if (10 + tag > limit - 4) {
                throw new AudioDecodingException(source, "ID3v2 tag claims " + tag + " bytes, more than the file");
            }
            skip(in, tag, source);
            n = in.readNBytes(b, 0, 4);
            pos = 10 + tag + n;
        }
        if (n < 4 || !sniff(b)) {
            throw new AudioDecodingException(source, "not a FLAC file: " + describe(b, n));
        }
        byte[] info = null;
        List<long[]> points = new ArrayList<>();
        TrackTags tags = TrackTags.empty();
        boolean last = false;
        while (!last) {
            if (in.readNBytes(b, 0, 4) < 4) {
                throw truncated(source);
            }
            pos += 4;
            last = (b[0] & 0x80) != 0;
            int type = b[0] & 0x7f;
            int length = (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
            if (pos + length > limit) {
                throw new AudioDecodingException(source, "metadata block of type " + type + " claims " + length
                        + " bytes, more than the file holds");
            }
            if (type == STREAMINFO) {
                if (length != 34 || info != null) {
                    throw new AudioDecodingException(source, "invalid STREAMINFO block");
                }
                info = in.readNBytes(34);
            } else if (type == SEEKTABLE && info != null) {
                byte[] table = in.readNBytes(length);
                for (int p = 0; p + 18 <= table.length; p += 18) {
                    long sample = be(table, p, 8);
                    long offset = be(table, p + 8, 8);
                    if (sample != -1 && offset >= 0 && offset < limit) { // -1: placeholder point
                        points.add(new long[] {sample, offset});
                    }
                }
            } else if (type == VORBIS_COMMENT && withTags && tags == TrackTags.empty()) {
                byte[] block = in.readNBytes(length);
                tags = VorbisComments.parse(block, 0, block.length);
            } else if (info == null) {
                throw new AudioDecodingException(source, "STREAMINFO is not the first metadata block");
            } else {
                skip(in, length, source);
            }
            pos += length;
            if (info != null && info.length < 34) {
                throw truncated(source);
            }
        }
        int rate = (int) (be(info, 10, 3) >>> 4);
        int channels = ((info[12] >> 1) & 7) + 1;
        int bits = (int) ((be(info, 12, 2) >>> 4) & 0x1f) + 1;
        long total = be(info, 13, 5) & 0xfffffffffL;
        int maxBlock = (int) be(info, 2, 2);
        if (rate < 1 || rate > AudioFormat.MAX_SAMPLE_RATE) {
            throw new AudioDecodingException(source, "STREAMINFO claims a sample rate of " + rate + " Hz");
        }
        if (bits < 4 || maxBlock < 16) {
            throw new AudioDecodingException(source, "STREAMINFO claims " + bits + " bits per sample and blocks of "
                    + maxBlock + " samples");
        }
        points.sort((x, y) -> Long.compare(x[0], y[0]));
        return new FlacHeaders(new AudioFormat(rate, channels), bits, total, info, pos,
                points.toArray(new long[0][]), tags);
    }

    /** "fLaC" + this STREAMINFO as the only (last) metadata block: what jflac reads before each run. */
    byte[] jflacPrefix() {
        byte[] p = new byte[8 + 34];
        p[0] = 'f';
        p[1] = 'L';
        p[2] = 'a';
        p[3] = 'C';
        p[4] = (byte) 0x80;
        p[7] = 34;
        System.arraycopy(streamInfo, 0, p, 8, 34);
        return p;
    }

    private static long be(byte[] b, int p, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (b[p + i] & 0xff);
        }
        return v;
    }

    private static void skip(InputStream in, long n, String source) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (java.io.EOFException e) {
            throw truncated(source);
        }
    }

    private static AudioDecodingException truncated(String source) {
        return new AudioDecodingException(source, "the file ends inside its metadata: it is truncated");
    }

    private static String describe(byte[] b, int n) {
        if (n <= 0) {
            return "the file is empty";
        }
        String hex = "";
        for (int i = 0; i < n; i++) {
            hex += String.format("%02x", b[i] & 0xff);
        }
        String text = new String(Arrays.copyOf(b, n), StandardCharsets.ISO_8859_1);
        String guess = text.startsWith("RIFF") ? " (it looks like WAV)" : text.startsWith("OggS") ? " (it looks like Ogg)"
                : text.startsWith("ID3") || (b[0] & 0xff) == 0xff ? " (it looks like MP3)" : "";
        return "it starts with " + hex + guess;
    }
}
