package org.segue.plugin.connector.archive.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.segue.api.connector.AudioRights;
import org.segue.api.connector.RemoteTrack;
import org.segue.support.licence.CcLicences;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Internet Archive item as its {@code metadata/<identifier>} answer describes it: its licence
 * ({@code metadata.licenseurl}, one for the whole item) and its audio files. Every original audio
 * file is a track; the Archive's derivatives of it (VBR MP3, Ogg Vorbis…) are other encodings of the
 * same track, used to pick what to download.
 */
final class ArchiveItem {
    /** Lossless encodings, preferred for download: analysis and mixing start from the best source. */
    static final Set<String> LOSSLESS = Set.of("flac", "24bit flac", "wave", "aiff", "apple lossless audio");
    /** Lossy encodings Segue decodes, in order of preference after lossless. */
    static final List<String> LOSSY = List.of("vbr mp3", "ogg vorbis", "320kbps mp3", "256kbps mp3", "mp3",
            "128kbps mp3", "64kbps mp3");

    final String identifier;
    final JsonNode metadata;
    final List<JsonNode> files = new ArrayList<>();

    ArchiveItem(JsonNode root) {
        this.metadata = root.path("metadata");
        this.identifier = metadata.path("identifier").asText("");
        root.path("files").forEach(files::add);
    }

    String licenceUrl() {
        return first(metadata.path("licenseurl"));
    }

    /**
     * What Segue may do with the item's audio: {@link AudioRights#MIXABLE} for Creative Commons
     * without ND and public domain (see {@link CcLicences}); lending-library items (access
     * restricted) are {@link AudioRights#NONE}; anything else can be played on archive.org but
     * not mixed.
     */
    AudioRights rights() {
        if (metadata.path("access-restricted-item").asText("").equalsIgnoreCase("true")) {
            return AudioRights.NONE;
        }
        return CcLicences.allowsMixing(licenceUrl()) ? AudioRights.MIXABLE : AudioRights.STREAM_ONLY;
    }

    /** The item's tracks: its original audio files in track order, then name order. */
    List<RemoteTrack> tracks(String service) {
        List<JsonNode> originals = new ArrayList<>();
        for (JsonNode f : files) {
            if ("original".equals(f.path("source").asText()) && isAudio(f) && !isPrivate(f)) {
                originals.add(f);
            }
        }
        originals.sort(Comparator.comparingInt(ArchiveItem::trackNumber).thenComparing(f -> f.path("name").asText()));
        AudioRights rights = rights();
        String licence = CcLicences.name(licenceUrl());
        String itemCreator = first(metadata.path("creator"));
        String itemTitle = first(metadata.path("title"));
        List<RemoteTrack> tracks = new ArrayList<>();
        for (JsonNode f : originals) {
            String name = f.path("name").asText();
            String title = text(f, "title");
            String artist = text(f, "creator") != null ? text(f, "creator") : text(f, "artist");
            boolean downloadable = download(name).isPresent();
            tracks.add(new RemoteTrack(service, identifier + "/" + name, title != null ? title : stem(name),
                    artist != null ? artist : itemCreator, text(f, "album") != null ? text(f, "album") : itemTitle,
                    seconds(f.path("length").asText("")), null, null, licence,
                    rights == AudioRights.MIXABLE && !downloadable ? AudioRights.STREAM_ONLY : rights));
        }
        return tracks;
    }

    /**
     * The file to download for an original: the original itself when lossless, else the Archive's
     * VBR MP3 of it, else the best other encoding (the original or a derivative) Segue decodes.
     */
    Optional<JsonNode> download(String originalName) {
        JsonNode original = null;
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode f : files) {
            if (isPrivate(f)) {
                continue;
            }
            String name = f.path("name").asText();
            if (name.equals(originalName) && "original".equals(f.path("source").asText())) {
                original = f;
                candidates.add(f);
            } else if ("derivative".equals(f.path("source").asText()) && originalName.equals(f.path("original").asText())) {
                candidates.add(f);
            }
        }
        if (original == null) {
            return Optional.empty();
        }
        if (LOSSLESS.contains(format(original))) {
            return Optional.of(original);
        }
        return candidates.stream().filter(f -> LOSSY.contains(format(f)))
                .min(Comparator.comparingInt(f -> LOSSY.indexOf(format(f))));
    }

    private static boolean isAudio(JsonNode f) {
        String format = format(f);
        return LOSSLESS.contains(format) || LOSSY.contains(format);
    }

    private static boolean isPrivate(JsonNode f) {
        return f.path("private").asText("").equalsIgnoreCase("true");
    }

    private static String format(JsonNode f) {
        return f.path("format").asText("").toLowerCase(Locale.ROOT);
    }

    private static int trackNumber(JsonNode f) {
        String t = f.path("track").asText("").replaceAll("/.*", "").trim();
        return t.matches("\\d{1,6}") ? Integer.parseInt(t) : Integer.MAX_VALUE;
    }

    /** The Archive gives lengths as seconds ("214.35") or as m:ss / h:mm:ss. */
    static double seconds(String length) {
        String s = length.trim();
        try {
            if (s.matches("\\d+(\\.\\d+)?")) {
                return Double.parseDouble(s);
            }
            if (s.matches("\\d+(:\\d{1,2}){1,2}(\\.\\d+)?")) {
                double total = 0;
                for (String part : s.split(":")) {
                    total = total * 60 + Double.parseDouble(part);
                }
                return total;
            }
        } catch (NumberFormatException e) {
            // fall through: unknown
        }
        return 0;
    }

    private static String stem(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 ? last.substring(0, dot) : last;
    }

    /** Archive metadata fields are a string or a list of strings. */
    static String first(JsonNode v) {
        if (v.isArray()) {
            return v.isEmpty() ? null : first(v.get(0));
        }
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    private static String text(JsonNode node, String field) {
        return first(node.path(field));
    }
}
