package org.segue.plugin.decoder.mp3.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagTextField;
import org.segue.api.audio.TrackTags;
import org.segue.support.audio.TagValues;

/** Turns a jaudiotagger {@link Tag} (ID3v2 or ID3v1) into {@link TrackTags}. */
final class TagMapper {
    private static final int MAX_VALUE_LENGTH = 4096;

    private TagMapper() {
    }

    static TrackTags map(Tag tag) {
        if (tag == null || tag.isEmpty()) {
            return TrackTags.empty();
        }
        Map<String, String> other = new LinkedHashMap<>();
        for (Iterator<TagField> it = tag.getFields(); it.hasNext();) {
            TagField field = it.next();
            if (field instanceof TagTextField && !field.isBinary()) {
                String value = clean(((TagTextField) field).getContent());
                if (value != null) {
                    other.putIfAbsent(field.getId().toLowerCase(Locale.ROOT), value);
                }
            }
        }
        String artist = first(tag, FieldKey.ARTIST);
        String title = first(tag, FieldKey.TITLE);
        String album = first(tag, FieldKey.ALBUM);
        String genre = first(tag, FieldKey.GENRE);
        String bpmText = first(tag, FieldKey.BPM);
        String key = first(tag, FieldKey.KEY);
        // ID3 frame ids of the fields above: kept once, in the typed fields.
        for (String id : new String[] {"tpe1", "tit2", "talb", "tcon", "tbpm", "tkey", "tp1", "tt2", "tal", "tco",
            "tbp", "tke"}) {
            other.remove(id);
        }
        Double bpm = TagValues.bpm(bpmText);
        if (bpm == null && bpmText != null) {
            other.put("bpm", bpmText);
        }
        return new TrackTags(artist, title, album, genre, bpm, key, other);
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            return clean(tag.getFirst(key));
        } catch (RuntimeException e) {
            return null; // a key this tag version cannot hold (ID3v1 has no BPM)
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() || v.length() > MAX_VALUE_LENGTH ? null : v;
    }

}
