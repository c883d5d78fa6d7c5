package org.segue.plugin.decoder.wav.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text frames of an ID3v2.2/2.3/2.4 tag (as WAV {@code id3 } and AIFF {@code ID3 } chunks
 * carry them): title, artist, album, genre, BPM, key and user text ({@code TXXX}). Pictures,
 * comments and compressed or encrypted frames are skipped. Lenient: a damaged frame ends the
 * tag, it never fails the file.
 */
final class Id3v2Reader {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("TIT2", "title"), Map.entry("TT2", "title"),
            Map.entry("TPE1", "artist"), Map.entry("TP1", "artist"),
            Map.entry("TALB", "album"), Map.entry("TAL", "album"),
            Map.entry("TCON", "genre"), Map.entry("TCO", "genre"),
            Map.entry("TBPM", "bpm"), Map.entry("TBP", "bpm"),
            Map.entry("TKEY", "key"), Map.entry("TKE", "key"));

    private Id3v2Reader() {
    }

    static boolean isTag(byte[] data, int length) {
        return length >= 10 && data[0] == 'I' && data[1] == 'D' && data[2] == '3';
    }

    /** Adds the tag's text frames in {@code data[0..length)} to {@code tags}. */
    static void read(byte[] data, int length, TagBuilder tags) {
        if (!isTag(data, length)) {
            return;
        }
        int version = data[3];
        if (version < 2 || version > 4) {
            return;
        }
        int flags = data[5] & 0xff;
        int end = (int) Math.min(length, 10L + synchsafe(data, 6));
        byte[] body = data;
        int pos = 10;
        if ((flags & 0x80) != 0 && version < 4) {
            // Whole-tag unsynchronisation (v2.2/2.3): undo FF 00 -> FF before reading frames.
            body = deunsynchronise(data, pos, end);
            end = body.length;
            pos = 0;
        }
        if ((flags & 0x40) != 0 && version >= 3) {
            long ext = version == 3 ? 4L + (SampleEncoding.be32(body, pos) & 0xffffffffL) : synchsafe(body, pos);
            if (ext < 6 || pos + ext > end) {
                return;
            }
            pos += (int) ext;
        }
        int idLength = version == 2 ? 3 : 4;
        int headerLength = version == 2 ? 6 : 10;
        while (pos + headerLength <= end && body[pos] != 0) {
            String id = new String(body, pos, idLength, StandardCharsets.ISO_8859_1);
            long size;
            int formatFlags = 0;
            if (version == 2) {
                size = (body[pos + 3] & 0xff) << 16 | (body[pos + 4] & 0xff) << 8 | (body[pos + 5] & 0xff);
            } else if (version == 3) {
                size = SampleEncoding.be32(body, pos + 4) & 0xffffffffL;
                formatFlags = (body[pos + 9] & 0xc0) != 0 ? 0x0c : 0; // compressed or encrypted
            } else {
                size = synchsafe(body, pos + 4);
                formatFlags = body[pos + 9] & 0xff;
            }
            int start = pos + headerLength;
            if (size <= 0 || start + size > end) {
                return;
            }
            pos = start + (int) size;
            if ((formatFlags & 0x0c) != 0 || id.charAt(0) != 'T') {
                continue;
            }
            byte[] frame = body;
            int from = start;
            int to = pos;
            if ((formatFlags & 0x01) != 0) {
                from += 4; // data length indicator
            }
            if ((formatFlags & 0x02) != 0) {
                frame = deunsynchronise(body, from, to);
                from = 0;
                to = frame.length;
            }
            if (from >= to) {
                continue;
            }
            String text = decodeText(frame, from, to);
            if (id.equals("TXXX") || id.equals("TXX")) {
                int sep = text.indexOf('\0');
                if (sep > 0) {
                    String name = text.substring(0, sep).toLowerCase(Locale.ROOT);
                    String value = text.substring(sep + 1);
                    tags.put(name.equals("initialkey") ? "key" : name, value);
                }
            } else {
                tags.put(NAMES.getOrDefault(id, id.toLowerCase(Locale.ROOT)), text);
            }
        }
    }

    /** The text of a frame: the encoding byte, then the text; a final NUL is dropped. */
    private static String decodeText(byte[] b, int from, int to) {
        Charset charset;
        switch (b[from]) {
            case 1: charset = StandardCharsets.UTF_16; break;
            case 2: charset = StandardCharsets.UTF_16BE; break;
            case 3: charset = StandardCharsets.UTF_8; break;
            default: charset = StandardCharsets.ISO_8859_1; break;
        }
        String s = new String(b, from + 1, to - from - 1, charset);
        while (s.endsWith("\0")) {
            s = s.substring(0, s.length() - 1);
        }
        if (b[from] == 1) {
            // A second UTF-16 string (TXXX value) has its own BOM, decoded as U+FEFF.
            s = s.replace("\uFEFF", "");
        }
        return s;
    }

    static long synchsafe(byte[] b, int p) {
        return (b[p] & 0x7fL) << 21 | (b[p + 1] & 0x7fL) << 14 | (b[p + 2] & 0x7fL) << 7 | (b[p + 3] & 0x7fL);
    }

    private static byte[] deunsynchronise(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            out[n++] = b[i];
            if (b[i] == (byte) 0xff && i + 1 < to && b[i + 1] == 0) {
                i++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
