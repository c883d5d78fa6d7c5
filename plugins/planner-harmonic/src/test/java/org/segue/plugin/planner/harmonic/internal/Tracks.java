package org.segue.plugin.planner.harmonic.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;
import org.segue.api.testkit.ResultMap;

/** Synthetic tracks for the planner tests: analyses built in a {@link ResultMap}. */
final class Tracks {

    private Tracks() {
    }

    /**
     * A track; {@code null} leaves that analysis out.
     *
     * @param camelot e.g. {@code "8A"}
     */
    static SetTrack track(String id, String artist, String camelot, Double bpm, Double energy) {
        ResultMap analysis = new ResultMap(id, 300);
        if (camelot != null) {
            analysis.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelot), 0.9));
        }
        if (bpm != null) {
            analysis.put(StandardResults.TEMPO, new Tempo(bpm, 0.9));
        }
        if (energy != null) {
            float e = energy.floatValue();
            analysis.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {e, e, e}));
        }
        TrackTags tags = new TrackTags(artist, "Track " + id, null, null, null, null, null);
        return new SetTrack(id, Path.of(id + ".wav"), analysis, tags);
    }

    /**
     * Random tracks: any of the 24 keys, 118–132 bpm with one in eight at half time, energy 0.1–0.95,
     * artists from a pool of {@code n / 6}; one in twenty lacks its key, one in twenty its tempo.
     */
    static List<SetTrack> random(int n, long seed) {
        Random random = new Random(seed);
        int artists = Math.max(2, n / 6);
        List<SetTrack> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = (1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B");
            double bpm = 118 + 14 * random.nextDouble();
            if (random.nextInt(8) == 0) {
                bpm /= 2;
            }
            double energy = 0.1 + 0.85 * random.nextDouble();
            String artist = "Artist " + random.nextInt(artists);
            tracks.add(track("t" + i, artist, random.nextInt(20) == 0 ? null : key,
                    random.nextInt(20) == 0 ? null : bpm, energy));
        }
        return tracks;
    }

    static List<String> ids(SetOrder order) {
        return order.tracks().stream().map(SetTrack::id).toList();
    }

    static List<TrackFeatures> features(List<SetTrack> tracks) {
        return tracks.stream().map(TrackFeatures::of).toList();
    }

    /** The model the planner builds for these tracks. */
    static SetModel model(List<SetTrack> tracks, SetRequest request, PlannerSettings settings, int first) {
        return SetModel.of(features(tracks), new PairScorer(settings, request, tracks.size()), first);
    }
}
