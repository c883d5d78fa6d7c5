package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.StandardResults;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetTrack;
import org.segue.api.style.TransitionPlan;

/** What is written beside the audio: the sections, a cue sheet, the tracklist JSON and the timeline picture. */
final class MixOutputs {

    private MixOutputs() {
    }

    static List<MixResult.Section> sections(Timeline timeline, MixPlan plan, double targetLufs, double offset) {
        List<MixResult.Section> sections = new ArrayList<>();
        for (int i = 0; i < timeline.spans().size(); i++) {
            Timeline.Span s = timeline.spans().get(i);
            MixTrack t = timeline.tracks().get(i);
            double gain = Double.isNaN(t.loudnessLufs()) ? 0
                    : Math.max(-MixRenderer.MAX_GAIN_DB, Math.min(MixRenderer.MAX_GAIN_DB, targetLufs - t.loudnessLufs()));
            sections.add(new MixResult.Section(t.track().id(), t.track().displayName(), s.masterStart() - offset,
                    s.soloStart() - offset, s.soloEnd() - offset, s.masterEnd() - offset,
                    i == 0 ? null : plan.transitions().get(i - 1).styleId(), gain));
        }
        return sections;
    }

    /** A cue sheet: each track indexed where its incoming transition is half done. */
    static String cueSheet(String audioName, List<MixResult.Section> sections, List<SetTrack> tracks) {
        StringBuilder s = new StringBuilder("PERFORMER \"Segue\"\nTITLE \"Segue mix\"\n");
        s.append("FILE \"").append(audioName).append("\" WAVE\n");
        for (int i = 0; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            double at = i == 0 ? 0 : (sec.startSeconds() + sec.soloStartSeconds()) / 2;
            long frames = Math.round(Math.max(0, at) * 75);
            s.append(String.format(Locale.ROOT, "  TRACK %02d AUDIO%n    TITLE \"%s\"%n", i + 1, quote(sec.title())));
            String artist = tracks.get(i).tags().artist();
            if (artist != null && !artist.isBlank()) {
                s.append("    PERFORMER \"").append(quote(artist)).append("\"\n");
            }
            String licence = SetExports.licence(tracks.get(i).tags());
            if (licence != null) {
                s.append("    REM LICENSE \"").append(quote(licence)).append("\"\n");
            }
            s.append(String.format(Locale.ROOT, "    INDEX 01 %02d:%02d:%02d%n", frames / 75 / 60, frames / 75 % 60, frames % 75));
        }
        return s.toString();
    }

    static String tracklist(MixPlan plan, List<MixResult.Section> sections, double duration, List<String> notes)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("durationSeconds", duration);
        root.put("planner", plan.order().planner());
        ArrayNode tracks = root.putArray("tracks");
        for (int i = 0; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            SetTrack t = plan.order().tracks().get(i);
            ObjectNode n = tracks.addObject();
            n.put("index", i + 1).put("title", sec.title()).put("file", t.file().toString()).put("id", t.id());
            n.put("startSeconds", sec.startSeconds()).put("soloStartSeconds", sec.soloStartSeconds())
                    .put("soloEndSeconds", sec.soloEndSeconds()).put("endSeconds", sec.endSeconds()).put("gainDb", sec.gainDb());
            String licence = SetExports.licence(t.tags());
            if (licence != null) {
                n.put("licence", licence);
            }
            t.analysis().get(StandardResults.TEMPO).ifPresent(v -> n.put("bpm", v.bpm()));
            t.analysis().get(StandardResults.KEY).ifPresent(k -> n.put("key", k.key().displayName()).put("camelot", k.key().camelot()));
            if (i > 0) {
                TransitionPlan p = plan.transitions().get(i - 1);
                ObjectNode in = n.putObject("transitionIn");
                in.put("style", p.styleId()).put("lengthBars", p.lengthBars()).put("beatMatched", p.beatMatched())
                        .put("pitchShiftSemitones", p.incomingPitchShiftSemitones()).put("explanation", p.explanation())
                        .put("why", plan.order().transitions().get(i - 1).explanation());
            }
        }
        ArrayNode credits = root.putArray("credits");
        SetExports.credits(plan.order().tracks()).forEach(credits::add);
        ArrayNode warnings = root.putArray("notes");
        notes.forEach(warnings::add);
        return mapper.writeValueAsString(root);
    }

    /** An SVG of the mix: the loudness of the master over time, each track as a bar, transitions shaded. */
    static String timelineSvg(List<MixResult.Section> sections, List<Float> energy, double duration, MixPlan plan) {
        int width = 1200;
        int top = 20;
        int curveHeight = 140;
        int rowHeight = 22;
        int height = top + curveHeight + 20 + rowHeight * sections.size() + 30;
        double xScale = (width - 40) / Math.max(1, duration);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#101418\"/>%n", width, height));
        for (int i = 1; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#2b6cb0\" opacity=\"0.35\">"
                    + "<title>%s</title></rect>%n", 20 + sec.startSeconds() * xScale, top, (sec.soloStartSeconds() - sec.startSeconds()) * xScale,
                    height - top - 30, escape(plan.transitions().get(i - 1).styleId())));
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < energy.size(); i++) {
            double db = 10 * Math.log10(Math.max(1e-9, energy.get(i)));
            double y = top + curveHeight * (1 - Math.max(0, Math.min(1, (db + 60) / 60)));
            path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", 20 + i * 0.5 * xScale, y));
        }
        s.append("<path d=\"").append(path).append("\" stroke=\"#f6ad55\" fill=\"none\" stroke-width=\"1.2\"/>\n");
        for (int i = 0; i < sections.size(); i++) {
            MixResult.Section sec = sections.get(i);
            int y = top + curveHeight + 20 + i * rowHeight;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"/>%n",
                    20 + sec.startSeconds() * xScale, y, (sec.endSeconds() - sec.startSeconds()) * xScale, rowHeight - 4,
                    i % 2 == 0 ? "#48bb78" : "#9f7aea"));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#fff\">%d. %s</text>%n",
                    24 + sec.startSeconds() * xScale, y + 13, i + 1, escape(sec.title())));
        }
        for (int m = 0; m <= duration / 60; m++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#a0aec0\">%d:00</text>%n",
                    20 + m * 60 * xScale, height - 10, m));
        }
        return s.append("</svg>\n").toString();
    }

    private static String quote(String s) {
        return s.replace("\"", "'");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
