package org.segue.plugin.planner.harmonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;

class HarmonicPlannerTest {

    private final HarmonicPlanner planner = new HarmonicPlanner(PlannerSettings.DEFAULTS);

    private static List<SetTrack> energyLadder() {
        List<SetTrack> tracks = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            tracks.add(Tracks.track("e" + i, "Artist " + i, "8A", 124.0, i / 10.0));
        }
        Collections.shuffle(tracks, new Random(11));
        return tracks;
    }

    @Test
    void risingArcSortsByEnergy() {
        SetOrder order = planner.order(energyLadder(), new SetRequest(EnergyArc.RISING, 0, null, 1));
        assertEquals(List.of("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9"), Tracks.ids(order));
    }

    @Test
    void clubArcPeaksNearTwoThirds() {
        SetOrder order = planner.order(energyLadder(), new SetRequest(EnergyArc.WARM_UP_PEAK_COOL_DOWN, 0, null, 1));
        List<String> ids = Tracks.ids(order);
        double peak = ids.indexOf("e9") / 8.0;
        assertTrue(Math.abs(peak - 2.0 / 3) <= 1.0 / 8, "peak at " + peak + ": " + ids);
        assertTrue(ids.indexOf("e1") == 0, "opens with the calmest track: " + ids);
        for (int k = 1; k <= ids.indexOf("e9"); k++) {
            assertTrue(ids.get(k).compareTo(ids.get(k - 1)) > 0, "rises to the peak: " + ids);
        }
        for (int k = ids.indexOf("e9") + 1; k < ids.size(); k++) {
            assertTrue(ids.get(k).compareTo(ids.get(k - 1)) < 0, "falls after the peak: " + ids);
        }
        assertTrue(order.transitions().stream().anyMatch(t -> t.explanation().contains("at the peak")),
                "names the peak");
    }

    @Test
    void sameArtistNeverAdjacentWhenAvoidable() {
        // Artist X's four tracks are each other's Camelot neighbours; the others clash with them, so
        // harmony alone would play X four times in a row.
        List<SetTrack> tracks = new ArrayList<>(List.of(
                Tracks.track("x1", "X", "8A", 124.0, 0.6), Tracks.track("x2", "x ", "9A", 124.0, 0.6),
                Tracks.track("x3", "X", "8A", 124.0, 0.6), Tracks.track("x4", "X", "9A", 124.0, 0.6),
                Tracks.track("a", "A", "2B", 124.0, 0.6), Tracks.track("b", "B", "3B", 124.0, 0.6),
                Tracks.track("c", "C", "2B", 124.0, 0.6), Tracks.track("d", "D", "3B", 124.0, 0.6)));
        SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.STEADY, 0, null, 1));
        assertEquals(0, sameArtistPairs(order), Tracks.ids(order).toString());
        order.transitions().forEach(t -> assertEquals(1.0, t.variety()));

        // Five of six by X: X must play twice in a row at least 3 times (the other track splits X's
        // five into at most two runs), and no more.
        List<SetTrack> crowded = new ArrayList<>(tracks.subList(0, 4));
        crowded.add(Tracks.track("x5", "X", "3B", 124.0, 0.6));
        crowded.add(Tracks.track("a", "A", "8A", 124.0, 0.6));
        SetOrder forced = planner.order(crowded, new SetRequest(EnergyArc.STEADY, 0, null, 1));
        assertEquals(3, sameArtistPairs(forced), Tracks.ids(forced).toString());
        assertTrue(forced.transitions().stream().filter(t -> t.variety() == 0)
                .allMatch(t -> t.explanation().contains("same artist twice in a row")));
    }

    private static int sameArtistPairs(SetOrder order) {
        int count = 0;
        for (int k = 1; k < order.tracks().size(); k++) {
            String a = order.tracks().get(k - 1).tags().artist().strip().toLowerCase();
            String b = order.tracks().get(k).tags().artist().strip().toLowerCase();
            count += a.equals(b) ? 1 : 0;
        }
        return count;
    }

    @Test
    void pitchShiftOnlyWhenAllowedAndItHelps() {
        // 8A then 3A clash; 3A one semitone down is 8A.
        List<SetTrack> pair = List.of(Tracks.track("a", "A", "8A", 124.0, 0.6), Tracks.track("b", "B", "3A", 124.0, 0.6));
        SetRequest fixed = new SetRequest(EnergyArc.STEADY, 0, "a", 1);
        TransitionScore plain = planner.order(pair, fixed).transitions().get(0);
        assertEquals(0, plain.pitchShiftSemitones());
        assertEquals(0.1, plain.harmonic(), 1e-12);
        assertTrue(plain.explanation().startsWith("8A → 3A (clash)"), plain.explanation());

        TransitionScore shifted = planner.order(pair, new SetRequest(EnergyArc.STEADY, 1, "a", 1)).transitions().get(0);
        assertEquals(-1, shifted.pitchShiftSemitones());
        assertEquals(0.9, shifted.harmonic(), 1e-12);
        assertTrue(shifted.explanation().contains("pitch −1 semitone to fit 8A"), shifted.explanation());
        assertTrue(shifted.total() > plain.total());

        // Half a semitone allows no whole shift.
        assertEquals(0, planner.order(pair, new SetRequest(EnergyArc.STEADY, 0.5, "a", 1)).transitions().get(0)
                .pitchShiftSemitones());

        // Neighbours fit as they are: no shift even when allowed.
        List<SetTrack> neighbours = List.of(Tracks.track("a", "A", "8A", 124.0, 0.6),
                Tracks.track("b", "B", "9A", 124.0, 0.6));
        SetOrder order = planner.order(neighbours, new SetRequest(EnergyArc.STEADY, 3, "a", 1));
        assertEquals(0, order.transitions().get(0).pitchShiftSemitones());
    }

    @Test
    void honoursTheFirstTrack() {
        List<SetTrack> small = Tracks.random(9, 5);
        List<SetTrack> large = Tracks.random(40, 6);
        for (List<SetTrack> tracks : List.of(small, large)) {
            for (String first : List.of(tracks.get(0).id(), tracks.get(tracks.size() - 1).id())) {
                SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.WAVE, 1, first, 9));
                assertEquals(first, order.tracks().get(0).id());
                assertEquals(tracks.size(), order.tracks().stream().distinct().count());
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> planner.order(small, new SetRequest(EnergyArc.WAVE, 1, "nowhere", 9)));
    }

    @Test
    void handlesTracksWithoutKeyTempoOrEnergy() {
        List<SetTrack> tracks = List.of(
                Tracks.track("k", "A", "8A", 124.0, 0.5),
                Tracks.track("nokey", "B", null, 124.0, 0.5),
                Tracks.track("notempo", "C", "8A", null, 0.5),
                Tracks.track("nothing", "D", null, null, null));
        SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.WARM_UP_PEAK_COOL_DOWN, 1, "k", 1));
        assertEquals(4, order.tracks().size());
        List<String> explanations = order.transitions().stream().map(TransitionScore::explanation).toList();
        String all = String.join(" | ", explanations);
        assertTrue(explanations.stream().anyMatch(e -> e.contains("key unknown for") && e.contains("Track nokey")), all);
        assertTrue(all.contains("harmony scored neutral"), all);
        assertTrue(all.contains("tempo scored neutral"), all);
        assertTrue(all.contains("energy unknown for D – Track nothing"), all);
        for (TransitionScore t : order.transitions()) {
            assertTrue(Double.isFinite(t.total()), t.toString());
        }
        // Larger sets go through the heuristic the same way.
        List<SetTrack> many = new ArrayList<>(Tracks.random(30, 8));
        for (int i = 0; i < 10; i++) {
            many.add(Tracks.track("bare" + i, null, null, null, null));
        }
        assertEquals(40, planner.order(many, SetRequest.defaults()).tracks().size());
    }

    @Test
    void explainsInPlainWords() {
        List<SetTrack> tracks = List.of(Tracks.track("a", "A", "8A", 124.0, 0.62),
                Tracks.track("b", "B", "9A", 126.0, 0.71), Tracks.track("c", "C", "9A", 63.0, 0.9));
        SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.RISING, 0, "a", 1));
        assertEquals(List.of("a", "b", "c"), Tracks.ids(order));
        assertEquals("8A → 9A (Camelot neighbour); 124.0 → 126.0 bpm (+1.6%); energy 0.62 → 0.71, rising (arc 0.60)",
                order.transitions().get(0).explanation());
        assertEquals("9A → 9A (same key); 126.0 → 63.0 bpm (half time, +0.0%); energy 0.71 → 0.90, rising (arc 1.00)",
                order.transitions().get(1).explanation());
    }

    @Test
    void scoreIsTheStatedSum() {
        // 8A → 9A, 124 → 126 bpm, second track at the end of a rising arc (target 1.0, energy 0.8).
        List<SetTrack> tracks = List.of(Tracks.track("a", "A", "8A", 124.0, 0.3),
                Tracks.track("b", "B", "9A", 126.0, 0.8));
        SetOrder order = planner.order(tracks, new SetRequest(EnergyArc.RISING, 0, "a", 1));
        TransitionScore t = order.transitions().get(0);
        double h = 0.9;
        double q = Math.log(126.0 / 124) / Math.log(1.06);
        double tempo = 1 / (1 + q * q * q * q);
        double e = 1 - Math.pow((0.8 - 1.0) / 0.5, 2);
        assertEquals(h, t.harmonic(), 1e-12);
        assertEquals(tempo, t.tempo(), 1e-6);
        assertEquals(e, t.energy(), 1e-6);
        assertEquals(0.4 * h + 0.3 * tempo + 0.3 * e, t.total(), 1e-6);
        double first = 0.3 * (1 - Math.pow((0.3 - 0.2) / 0.5, 2));
        assertEquals(first + t.total(), order.score(), 1e-6);
        assertEquals(HarmonicPlanner.ID, order.planner());
    }

    @Test
    void rejectsDuplicatesAndCopesWithTinySets() {
        SetTrack a = Tracks.track("a", "A", "8A", 124.0, 0.5);
        assertThrows(IllegalArgumentException.class, () -> planner.order(List.of(a, a), SetRequest.defaults()));
        SetOrder empty = planner.order(List.of(), SetRequest.defaults());
        assertEquals(0, empty.tracks().size());
        assertEquals(0, empty.score());
        SetOrder single = planner.order(List.of(a), SetRequest.defaults());
        assertEquals(List.of("a"), Tracks.ids(single));
        assertEquals(0, single.transitions().size());
    }

    @Test
    void rejectsUnusableSettings() {
        assertThrows(IllegalArgumentException.class, () -> new PlannerSettings(-1, 0.3, 0.3, 1, 0.1, 12));
        assertThrows(IllegalArgumentException.class, () -> new PlannerSettings(0.4, 0.3, 0.3, 1, 0.1, 17));
        assertThrows(IllegalArgumentException.class, () -> new PlannerSettings(0.4, 0.3, 0.3, 1, 1.5, 12));
    }
}
