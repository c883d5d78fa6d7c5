package org.segue.plugin.decoder.wav.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.segue.api.audio.TrackTags;
import org.segue.support.audio.TagValues;

/** Collects tag values from RIFF INFO, AIFF text chunks and ID3v2; the first value of a name wins. */
final class TagBuilder {
    /** Longest tag value kept: a "title" of a megabyte is corruption, not a title. */
    static final int MAX_VALUE_LENGTH = 4096;

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Adds {@code value} under a lower-case name: artist, title, album, genre, bpm, key or any other. */
    void put(String name, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        int nul = v.indexOf('\0');
        if (nul >= 0) {
            v = v.substring(0, nul).strip();
        }
        if (v.isEmpty() || v.length() > MAX_VALUE_LENGTH) {
            return;
        }
        values.putIfAbsent(name.toLowerCase(Locale.ROOT), v);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    TrackTags build() {
        if (values.isEmpty()) {
            return TrackTags.empty();
        }
        Map<String, String> other = new LinkedHashMap<>(values);
        String artist = other.remove("artist");
        String title = other.remove("title");
        String album = other.remove("album");
        String genre = other.remove("genre");
        String bpmText = other.remove("bpm");
        String key = other.remove("key");
        Double bpm = TagValues.bpm(bpmText);
        if (bpm == null && bpmText != null) {
            other.put("bpm", bpmText);
        }
        return new TrackTags(artist, title, album, genre, bpm, key, other);
    }

}
