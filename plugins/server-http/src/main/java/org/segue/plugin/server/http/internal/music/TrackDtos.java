package org.segue.plugin.server.http.internal.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.library.Track;
import org.segue.api.library.TrackSource;

/**
 * The {@code Track} and {@code Analysis} bodies of the REST API (see {@code API.md}), made from
 * the library's records. Jackson writes the records as they are: component names are the JSON
 * names, and absent values are written as {@code null} so every documented field is always there.
 */
public final class TrackDtos {

    private TrackDtos() {
    }

    /** {@code Track}: what a list or a search shows of one track. */
    public record TrackDto(String id, String title, String artist, String album, String genre,
            double durationSeconds, Double bpm, String key, String keyName, Double energy, Double loudnessLufs,
            SourceDto source) {
    }

    /** Where a track comes from and whether it may be mixed. */
    public record SourceDto(String kind, String licence, boolean mixable) {
    }

    /** {@code Analysis}: everything the track view draws. */
    public record AnalysisDto(String trackId, double durationSeconds, TempoDto tempo, List<Double> beats,
            List<Double> downbeats, KeyDto key, List<KeySegmentDto> keySegments, List<ChordDto> chords,
            LoudnessDto loudness, EnergyDto energy, MoodDto mood, List<SectionDto> structure) {
    }

    /** The main tempo and where it changes. */
    public record TempoDto(Double bpm, List<TempoSegmentDto> segments) {
    }

    public record TempoSegmentDto(double startSeconds, double bpm) {
    }

    /** The main key in Camelot notation and by name, e.g. {@code 8A} and {@code A minor}. */
    public record KeyDto(String camelot, String name, double confidence) {
    }

    public record KeySegmentDto(double startSeconds, String camelot) {
    }

    /** A chord; {@code label} is its symbol ({@code Am}, {@code G7}) or {@code N} where there is none. */
    public record ChordDto(double startSeconds, double endSeconds, String label) {
    }

    /** Loudness figures; {@code null} where silence makes them infinite. */
    public record LoudnessDto(Double integratedLufs, Double rangeLu, Double truePeakDbtp) {
    }

    public record EnergyDto(double hopSeconds, float[] values) {
    }

    public record MoodDto(double valence, double arousal) {
    }

    /** A section; {@code label} is the lower-case section name ({@code intro}, {@code drop} …). */
    public record SectionDto(double startSeconds, double endSeconds, String label) {
    }

    /** The API's {@code Track} of a library track and its analysis, if any. */
    public static TrackDto track(Track track, Optional<AnalysisResults> analysis) {
        Optional<AnalysisResults> a = analysis == null ? Optional.empty() : analysis;
        Double bpm = a.flatMap(r -> r.get(StandardResults.TEMPO)).map(Tempo::bpm).orElse(track.tags().bpm());
        Optional<KeyEstimate> key = a.flatMap(r -> r.get(StandardResults.KEY));
        Double energy = a.flatMap(r -> r.get(StandardResults.ENERGY)).map(TrackDtos::mean).orElse(null);
        Double lufs = a.flatMap(r -> r.get(StandardResults.LOUDNESS)).map(l -> finite(l.integratedLufs())).orElse(null);
        TrackSource s = track.source();
        return new TrackDto(track.id().value(), title(track), track.tags().artist(), track.tags().album(),
                track.tags().genre(), track.durationSeconds(), bpm,
                key.map(k -> k.key().camelot()).orElse(null), key.map(k -> k.key().displayName()).orElse(null),
                energy, lufs, new SourceDto(s.service(), s.licence(), s.mixable()));
    }

    /** The title tag, else the file name without its extension, else the id. */
    static String title(Track track) {
        if (track.tags().title() != null && !track.tags().title().isBlank()) {
            return track.tags().title();
        }
        if ("file".equals(track.location().getScheme())) {
            String name = Path.of(track.location()).getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        return track.id().value();
    }

    /** The API's {@code Analysis} of a track. */
    public static AnalysisDto analysis(String trackId, AnalysisResults r) {
        Optional<BeatGrid> grid = r.get(StandardResults.BEAT_GRID);
        List<Double> beats = new ArrayList<>();
        List<Double> downbeats = new ArrayList<>();
        List<TempoSegmentDto> segments = new ArrayList<>();
        grid.ifPresent(g -> {
            for (int i = 0; i < g.beatCount(); i++) {
                beats.add(g.beat(i));
                if (g.isDownbeat(i)) {
                    downbeats.add(g.beat(i));
                }
            }
            g.segments().forEach(s -> segments.add(new TempoSegmentDto(s.startSeconds(), s.bpm())));
        });
        Double bpm = r.get(StandardResults.TEMPO).map(Tempo::bpm).orElse(null);
        KeyDto key = r.get(StandardResults.KEY)
                .map(k -> new KeyDto(k.key().camelot(), k.key().displayName(), k.confidence())).orElse(null);
        List<KeySegmentDto> keySegments = r.get(StandardResults.KEY_CHANGES)
                .map(ks -> ks.segments().stream().map(s -> new KeySegmentDto(s.startSeconds(), s.key().camelot())).toList())
                .orElse(List.of());
        List<ChordDto> chords = r.get(StandardResults.CHORDS)
                .map(c -> c.events().stream().map(TrackDtos::chord).toList()).orElse(List.of());
        LoudnessDto loudness = r.get(StandardResults.LOUDNESS)
                .map(l -> new LoudnessDto(finite(l.integratedLufs()), finite(l.rangeLu()), finite(l.truePeakDbtp())))
                .orElse(null);
        EnergyDto energy = r.get(StandardResults.ENERGY).map(c -> new EnergyDto(c.hopSeconds(), c.values())).orElse(null);
        MoodDto mood = r.get(StandardResults.MOOD).map(m -> new MoodDto(m.valence(), m.arousal())).orElse(null);
        List<SectionDto> structure = r.get(StandardResults.STRUCTURE)
                .map(s -> s.segments().stream().map(x -> new SectionDto(x.startSeconds(), x.endSeconds(),
                        x.label().name().toLowerCase(Locale.ROOT))).toList())
                .orElse(List.of());
        return new AnalysisDto(trackId, r.durationSeconds(), new TempoDto(bpm, segments), beats, downbeats, key,
                keySegments, chords, loudness, energy, mood, structure);
    }

    private static ChordDto chord(ChordEvent e) {
        return new ChordDto(e.startSeconds(), e.endSeconds(), e.chordIfAny().map(c -> c.symbol()).orElse("N"));
    }

    /**
     * The mean of an energy curve: the same figure the library indexes for energy filters, so a
     * track shown with energy 0.7 is found by {@code energy=0.6-0.8}.
     */
    static double mean(FeatureCurve curve) {
        double sum = 0;
        for (int i = 0; i < curve.size(); i++) {
            sum += curve.value(i);
        }
        return sum / curve.size();
    }

    /** JSON has no infinities; the loudness of silence is {@code -Infinity}, shown as unknown. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
