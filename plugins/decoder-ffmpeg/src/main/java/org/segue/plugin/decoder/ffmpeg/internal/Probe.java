package org.segue.plugin.decoder.ffmpeg.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.TrackTags;
import org.segue.support.audio.TagValues;

/**
 * What ffprobe says of a file's first audio stream.
 *
 * @param format its sample rate and channels
 * @param frames its length in frames from the stream or container duration (an estimate for some
 *        containers), or -1
 * @param tags the container's and the stream's tags
 */
record Probe(AudioFormat format, long frames, TrackTags tags) {
    private static final List<String> ARGS = List.of("-v", "error", "-select_streams", "a:0", "-show_entries",
            "stream=sample_rate,channels,duration:stream_tags:format=duration:format_tags", "-of", "json");

    static Probe of(Tools tools, Path file) throws IOException {
        String source = file.toString();
        Object json = tools.probe(file, ARGS);
        Map<?, ?> root = json instanceof Map ? (Map<?, ?>) json : Map.of();
        List<?> streams = root.get("streams") instanceof List ? (List<?>) root.get("streams") : List.of();
        Map<?, ?> format = root.get("format") instanceof Map ? (Map<?, ?>) root.get("format") : Map.of();
        Map<String, String> tags = new LinkedHashMap<>();
        copyTags(format.get("tags"), tags);
        if (streams.isEmpty() || !(streams.get(0) instanceof Map)) {
            throw new AudioDecodingException(source, "ffprobe finds no audio stream in it");
        }
        Map<?, ?> stream = (Map<?, ?>) streams.get(0);
        copyTags(stream.get("tags"), tags);
        long rate = number(stream.get("sample_rate"));
        long channels = number(stream.get("channels"));
        if (rate < 1 || rate > AudioFormat.MAX_SAMPLE_RATE || channels < 1 || channels > AudioFormat.MAX_CHANNELS) {
            throw new AudioDecodingException(source, "ffprobe reports " + channels + " channels at " + rate + " Hz");
        }
        double seconds = decimal(stream.get("duration"));
        if (!(seconds > 0)) {
            seconds = decimal(format.get("duration"));
        }
        long frames = seconds > 0 && seconds < 1e7 ? Math.round(seconds * rate) : -1;
        return new Probe(new AudioFormat((int) rate, (int) channels), frames, tags(tags));
    }

    private static void copyTags(Object tags, Map<String, String> into) {
        if (tags instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) tags).entrySet()) {
                if (e.getValue() instanceof String && !((String) e.getValue()).isBlank()
                        && ((String) e.getValue()).length() <= 4096) {
                    into.putIfAbsent(String.valueOf(e.getKey()).toLowerCase(Locale.ROOT), ((String) e.getValue()).strip());
                }
            }
        }
    }

    private static long number(Object value) {
        double d = decimal(value);
        return Double.isNaN(d) ? -1 : (long) d;
    }

    /** ffprobe writes most numbers as strings ("44100", "12.345000"). */
    private static double decimal(Object value) {
        try {
            if (value instanceof Double) {
                return (Double) value;
            }
            return value instanceof String ? Double.parseDouble((String) value) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static TrackTags tags(Map<String, String> values) {
        if (values.isEmpty()) {
            return TrackTags.empty();
        }
        Map<String, String> other = new LinkedHashMap<>(values);
        String artist = take(other, "artist", "album_artist");
        String title = take(other, "title");
        String album = take(other, "album");
        String genre = take(other, "genre");
        String bpmText = take(other, "bpm", "tbpm", "tmpo", "tempo");
        String key = take(other, "initialkey", "key", "tkey");
        Double bpm = TagValues.bpm(bpmText);
        if (bpm == null && bpmText != null) {
            other.put("bpm", bpmText);
        }
        return new TrackTags(artist, title, album, genre, bpm, key, other);
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

}
