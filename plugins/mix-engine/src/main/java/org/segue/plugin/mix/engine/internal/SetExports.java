package org.segue.plugin.mix.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.segue.api.audio.TrackTags;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetTrack;

/**
 * The set as playlists others can open (M3U8 for players, XSPF for the web) and the credit lines a
 * shared mix owes its tracks: Creative Commons licences require attribution and the licence's name
 * wherever the work is shared, so every track carrying a licence tag ({@code license}, the Vorbis
 * comment; {@code copyright} otherwise) is credited in the playlists and the tracklist.
 */
final class SetExports {
    private SetExports() {
    }

    /** The licence a track's tags state, or null. */
    static String licence(TrackTags tags) {
        String licence = tags.other().get("license");
        if (licence == null || licence.isBlank()) {
            licence = tags.other().get("copyright");
        }
        return licence == null || licence.isBlank() ? null : licence.trim();
    }

    /** "Title" by Artist, licensed under …: one line per licensed track, in set order. */
    static List<String> credits(List<SetTrack> tracks) {
        List<String> lines = new ArrayList<>();
        for (SetTrack t : tracks) {
            String licence = licence(t.tags());
            if (licence != null) {
                String title = t.tags().title() != null ? t.tags().title() : t.displayName();
                String artist = t.tags().artist();
                String source = t.tags().other().get("source");
                lines.add("\"" + title + "\"" + (artist == null || artist.isBlank() ? "" : " by " + artist)
                        + ", licensed under " + licence + (source == null ? "" : " (" + source + ")"));
            }
        }
        return lines;
    }

    /** An extended M3U playlist (UTF-8) of the set's source files in mix order. */
    static String m3u8(List<MixResult.Section> sections, List<SetTrack> tracks) {
        StringBuilder s = new StringBuilder("#EXTM3U\n#PLAYLIST:Segue mix\n");
        for (int i = 0; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            SetTrack t = tracks.get(i);
            String licence = licence(t.tags());
            if (licence != null) {
                s.append("# licence: ").append(oneLine(licence)).append('\n');
            }
            s.append(String.format(Locale.ROOT, "#EXTINF:%d,%s%n", Math.round(t.analysis().durationSeconds()),
                    oneLine(sec.title())));
            s.append(t.file().toUri()).append('\n');
        }
        return s.toString();
    }

    /** An XSPF playlist (XML Shareable Playlist Format 1) with start times and licences in annotations. */
    static String xspf(List<MixResult.Section> sections, List<SetTrack> tracks) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">\n  <title>Segue mix</title>\n")
                .append("  <creator>Segue</creator>\n  <trackList>\n");
        for (int i = 0; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            SetTrack t = tracks.get(i);
            s.append("    <track>\n      <location>").append(xml(t.file().toUri().toString())).append("</location>\n");
            if (t.tags().title() != null) {
                s.append("      <title>").append(xml(t.tags().title())).append("</title>\n");
            }
            if (t.tags().artist() != null) {
                s.append("      <creator>").append(xml(t.tags().artist())).append("</creator>\n");
            }
            if (t.tags().album() != null) {
                s.append("      <album>").append(xml(t.tags().album())).append("</album>\n");
            }
            s.append("      <trackNum>").append(i + 1).append("</trackNum>\n");
            s.append("      <duration>").append(Math.round(t.analysis().durationSeconds() * 1000)).append("</duration>\n");
            String licence = licence(t.tags());
            s.append(String.format(Locale.ROOT, "      <annotation>in the mix at %s%s</annotation>%n",
                    clock(Math.max(0, sec.startSeconds())), licence == null ? "" : "; licence: " + xml(licence)));
            s.append("    </track>\n");
        }
        return s.append("  </trackList>\n</playlist>\n").toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
