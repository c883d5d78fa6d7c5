package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.Chord;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.TempoSegment;

/**
 * Writes a track's results in the evaluation corpus's prediction format (see shared/eval/README):
 * {@code NAME.bpm}, {@code NAME.beats} (time and beat in bar), {@code NAME.tempo} (segments),
 * {@code NAME.key} and {@code NAME.chords} (Harte labels).
 */
final class PredictionWriter {

    private PredictionWriter() {
    }

    static void write(Path dir, String name, AnalysisResults r) throws IOException {
        Files.createDirectories(dir);
        r.get(StandardResults.TEMPO).ifPresent(t -> writeQuietly(dir.resolve(name + ".bpm"), fmt(t.bpm()) + "\n"));
        r.get(StandardResults.BEAT_GRID).ifPresent(g -> {
            writeQuietly(dir.resolve(name + ".beats"), beats(g));
            writeQuietly(dir.resolve(name + ".tempo"), tempo(g.segments(), r.durationSeconds()));
        });
        r.get(StandardResults.KEY).ifPresent(k -> writeQuietly(dir.resolve(name + ".key"), k.key().displayName() + "\n"));
        r.get(StandardResults.CHORDS).ifPresent(c -> writeQuietly(dir.resolve(name + ".chords"), chords(c.events())));
    }

    static String beats(BeatGrid g) {
        StringBuilder s = new StringBuilder();
        double[] beats = g.beats();
        for (int i = 0; i < beats.length; i++) {
            int inBar = Math.floorMod(i - g.firstDownbeat(), g.beatsPerBar()) + 1;
            s.append(fmt(beats[i])).append('\t').append(inBar).append('\n');
        }
        return s.toString();
    }

    static String tempo(List<TempoSegment> segments, double duration) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            double end = i + 1 < segments.size() ? segments.get(i + 1).startSeconds() : Math.max(duration, segments.get(i).startSeconds());
            s.append(fmt(segments.get(i).startSeconds())).append('\t').append(fmt(end)).append('\t')
                    .append(fmt(segments.get(i).bpm())).append('\n');
        }
        return s.toString();
    }

    static String chords(List<ChordEvent> events) {
        StringBuilder s = new StringBuilder();
        for (ChordEvent e : events) {
            s.append(fmt(e.startSeconds())).append('\t').append(fmt(e.endSeconds())).append('\t')
                    .append(e.hasChord() ? harte(e.chord()) : "N").append('\n');
        }
        return s.toString();
    }

    /** The chord in Harte syntax, e.g. {@code C#:min7}. */
    static String harte(Chord chord) {
        String quality = switch (chord.quality()) {
            case MAJOR -> "maj";
            case MINOR -> "min";
            case DOMINANT_7 -> "7";
            case MAJOR_7 -> "maj7";
            case MINOR_7 -> "min7";
            case DIMINISHED -> "dim";
            case HALF_DIMINISHED_7 -> "hdim7";
            case AUGMENTED -> "aug";
            case SUS2 -> "sus2";
            case SUS4 -> "sus4";
        };
        return chord.root().sharpName() + ":" + quality;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
