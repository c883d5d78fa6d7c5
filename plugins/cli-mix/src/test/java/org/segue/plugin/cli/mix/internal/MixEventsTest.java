package org.segue.plugin.cli.mix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetTrack;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.testkit.ResultMap;

class MixEventsTest {
    private static SetTrack track(String id, double bpm, String camelot, String genre, float energy) {
        ResultMap r = new ResultMap(id, 200);
        r.put(StandardResults.TEMPO, new Tempo(bpm, 1));
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelot), 1));
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {energy, energy}));
        return new SetTrack(id, Path.of("/music/" + id + ".wav"), r,
                new TrackTags(null, id, null, genre, null, null, Map.of()));
    }

    @Test
    void describesTheSetInOrderForBadgesAndChallenges() {
        List<SetTrack> tracks = List.of(track("a", 120, "8A", "house", 0.4f), track("b", 124.5, "9A", "techno, minimal", 0.8f));
        TransitionPlan blend = new TransitionPlan("segue.style.blend/1", 180, 0, 16, 4, true, TempoRamp.constant(122),
                0, List.of(), "blend");
        MixPlan plan = new MixPlan(new SetOrder(tracks,
                List.of(new org.segue.api.mix.TransitionScore("a", "b", 1, 1, 1, 1, 1, 0, "neighbours")), 1, "test"), List.of(blend));
        MixResult result = new MixResult(Path.of("/out/set.wav"), null, null, null, 372.25, List.of());
        UserEvent e = MixEvents.created("dj", plan, result, Instant.parse("2026-11-26T23:30:00Z"));
        assertEquals(UserEventTypes.MIX_CREATED, e.type());
        assertEquals("dj", e.userId());
        Map<String, String> a = e.attributes();
        assertEquals("set.wav", a.get(UserEventTypes.MIX));
        assertEquals("2", a.get(UserEventTypes.TRACK_COUNT));
        assertEquals("372.3", a.get(UserEventTypes.DURATION));
        assertEquals("120.00,124.50", a.get(UserEventTypes.BPMS));
        assertEquals("8A,9A", a.get(UserEventTypes.KEYS));
        assertEquals("house,techno  minimal", a.get(UserEventTypes.GENRES), "a comma inside a genre cannot split the list");
        assertEquals("0.400,0.800", a.get(UserEventTypes.ENERGIES));
        assertEquals("segue.style.blend/1", a.get(UserEventTypes.STYLE));
    }
}
