package org.segue.support.audio;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.segue.api.audio.TrackTags;

/**
 * Parses a Vorbis comment list (the second Ogg Vorbis header, FLAC's VORBIS_COMMENT block):
 * little-endian lengths, {@code NAME=value} entries in UTF-8. Every length is checked against the
 * bytes that remain, so a corrupt count cannot make it allocate.
 *
 * <p>Written here rather than taken from jaudiotagger: the format is 20 lines of spec, while
 * jaudiotagger would add 1.2 MB to the bundle (bnd embeds by package, and its tag
 * packages reach every format it knows).
 */
public final class VorbisComments {
    private static final int MAX_VALUE_LENGTH = 4096;

    private VorbisComments() {
    }

    /**
     * @param b the comment list, starting at the vendor length
     * @return the tags; lenient: a damaged entry ends the list, it never fails the file
     */
    public static TrackTags parse(byte[] b, int offset, int end) {
        Map<String, String> values = new LinkedHashMap<>();
        int p = offset;
        long vendor = u32(b, p, end);
        if (vendor < 0 || p + 4 + vendor > end) {
            return TrackTags.empty();
        }
        p += 4 + (int) vendor;
        long count = u32(b, p, end);
        p += 4;
        for (long i = 0; i < count && count >= 0; i++) {
            long length = u32(b, p, end);
            if (length < 0 || p + 4 + length > end) {
                break;
            }
            String entry = new String(b, p + 4, (int) length, StandardCharsets.UTF_8);
            p += 4 + (int) length;
            int eq = entry.indexOf('=');
            String value = eq > 0 ? entry.substring(eq + 1).strip() : "";
            if (!value.isEmpty() && value.length() <= MAX_VALUE_LENGTH) {
                values.putIfAbsent(entry.substring(0, eq).toLowerCase(Locale.ROOT), value);
            }
        }
        if (values.isEmpty()) {
            return TrackTags.empty();
        }
        String artist = take(values, "artist");
        String title = take(values, "title");
        String album = take(values, "album");
        String genre = take(values, "genre");
        String bpmText = take(values, "bpm", "tempo");
        String key = take(values, "initialkey", "key");
        Double bpm = TagValues.bpm(bpmText);
        if (bpm == null && bpmText != null) {
            values.put("bpm", bpmText);
        }
        return new TrackTags(artist, title, album, genre, bpm, key, values);
    }

    /**
     * Whether every length in the list fits in {@code b[offset..end)}. JOrbis allocates by these
     * lengths before reading, so a list must pass this before JOrbis sees it.
     */
    public static boolean wellFormed(byte[] b, int offset, int end) {
        long p = offset;
        long vendor = u32(b, (int) p, end);
        if (vendor < 0 || p + 4 + vendor > end) {
            return false;
        }
        p += 4 + vendor;
        long count = u32(b, (int) p, end);
        if (count < 0 || p + 4 + 4 * count > end) {
            return false;
        }
        p += 4;
        for (long i = 0; i < count; i++) {
            long length = u32(b, (int) p, end);
            if (length < 0 || p + 4 + length > end) {
                return false;
            }
            p += 4 + length;
        }
        return true;
    }

    private static String take(Map<String, String> values, String... names) {
        String found = null;
        for (String name : names) {
            String v = values.remove(name);
            if (found == null) {
                found = v;
            }
        }
        return found;
    }

    private static long u32(byte[] b, int p, int end) {
        if (p + 4 > end) {
            return -1;
        }
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }

}
