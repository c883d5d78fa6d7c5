package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.ParameterDescriptor;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * Conformance suite every {@link DjStyle} plugin's test extends: over many pairs of
 * {@link SyntheticTrack}s (equal and distant tempi, pickups, offsets, short tracks, no beat grid,
 * random pairs from a seed) the style's answers are ones the engine can play. Suitability is in
 * {@code [0, 1]} and repeatable; wherever it is above 0 the plan is valid: it names the style, fits
 * inside both tracks, puts beat-matched cues on beats, automates only known parameters within their
 * ranges, closes the outgoing fader by the end, leaves pitch to the planner, ends at the target tempo,
 * is explained, and is the same on every call and on every thread. Add the style's own musical tests
 * beside these.
 *
 * <p>Random pairs come from one seed per test, printed in every failure message; rerun a failure
 * with {@code -Dsegue.test.seed=<seed>}.
 */
public abstract class BaseStyleTestCase {

    /** Positions must be within this of a beat, as the engine's beat alignment is. */
    protected static final double BEAT_TOLERANCE_SECONDS = 0.001;

    private final long seed = Long.getLong("segue.test.seed", new SplittableRandom().nextLong());

    /** A fresh style, configured as in production. */
    protected abstract DjStyle newStyle();

    /** The style's {@link DjStyle#ID}, as its component registers it. */
    protected abstract String styleId();

    /**
     * Effects other than Segue's standard ones that the style automates (e.g. the plugin's own), so
     * their lanes can be checked against their parameter ranges.
     */
    protected List<EffectDescriptor> otherEffects() {
        return List.of();
    }

    /**
     * Whether every plan closes the outgoing deck's fader ({@link AutomationLane#MIXER}
     * {@link AutomationLane#VOLUME}) by its last beat; true for styles whose outgoing track would
     * otherwise stop audibly when the transition ends.
     */
    protected boolean closesOutgoingFader() {
        return true;
    }

    /** The seed of this test's random choices. */
    protected final long seed() {
        return seed;
    }

    /** The pairs every test runs over: outgoing, incoming. Override to add pairs your style is made for. */
    protected List<SyntheticTrack[]> pairs() {
        List<SyntheticTrack[]> pairs = new ArrayList<>();
        pairs.add(pair(SyntheticTrack.of("house-a", 126, 128), SyntheticTrack.of("house-b", 126, 128)));
        pairs.add(pair(SyntheticTrack.of("slower", 122, 96).pickupBeats(1), SyntheticTrack.of("faster", 128, 96).offset(0.37)));
        pairs.add(pair(SyntheticTrack.of("hiphop", 92, 64).offset(1.2), SyntheticTrack.of("dnb", 174, 128).pickupBeats(3)));
        pairs.add(pair(SyntheticTrack.of("waltz", 150, 80).beatsPerBar(3), SyntheticTrack.of("house", 124, 96)));
        pairs.add(pair(SyntheticTrack.of("short-a", 125, 4), SyntheticTrack.of("short-b", 125, 3)));
        pairs.add(pair(SyntheticTrack.of("no-grid", 120, 64).withoutBeatGrid(), SyntheticTrack.of("grid", 120, 64)));
        pairs.add(pair(SyntheticTrack.of("grid", 120, 64), SyntheticTrack.of("no-grid", 120, 64).withoutBeatGrid().key(null)));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 24; i++) {
            pairs.add(pair(randomTrack("random-out-" + i, random), randomTrack("random-in-" + i, random)));
        }
        return pairs;
    }

    private static SyntheticTrack randomTrack(String id, SplittableRandom random) {
        int beatsPerBar = random.nextInt(8) == 0 ? 3 : 4;
        return SyntheticTrack.of(id, 70 + 110 * random.nextDouble(), 1 + random.nextInt(200)).beatsPerBar(beatsPerBar)
                .pickupBeats(random.nextInt(beatsPerBar)).offset(random.nextInt(3) == 0 ? 0 : 3 * random.nextDouble())
                .key((1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B"));
    }

    private static SyntheticTrack[] pair(SyntheticTrack out, SyntheticTrack in) {
        return new SyntheticTrack[] {out, in};
    }

    private String where(SyntheticTrack[] pair) {
        return styleId() + " on " + pair[0] + " -> " + pair[1] + " (seed " + seed + ")";
    }

    @Test
    public void suitabilityIsAFractionAndRepeatable() {
        DjStyle style = newStyle();
        for (SyntheticTrack[] pair : pairs()) {
            double s = style.suitability(pair[0].results(), pair[1].results());
            assertTrue(s >= 0 && s <= 1, "suitability " + s + " outside [0,1]: " + where(pair));
            assertEquals(s, style.suitability(pair[0].results(), pair[1].results()), 0, "the same on every call: " + where(pair));
        }
    }

    @Test
    public void suitablePairsGetValidPlans() {
        DjStyle style = newStyle();
        int planned = 0;
        for (SyntheticTrack[] pair : pairs()) {
            if (style.suitability(pair[0].results(), pair[1].results()) > 0) {
                TransitionPlan plan = style.plan(new TransitionRequest(pair[0].results(), pair[1].results(), null, pair[1].bpm()));
                assertValid(plan, pair[0], pair[1], pair[1].bpm());
                planned++;
            }
        }
        assertTrue(planned > 0, "the style found no pair suitable; add pairs() it is made for (seed " + seed + ")");
    }

    @Test
    public void unsuitablePairsAreRefusedWithIllegalArgumentOrPlannedValidly() {
        DjStyle style = newStyle();
        for (SyntheticTrack[] pair : pairs()) {
            if (style.suitability(pair[0].results(), pair[1].results()) == 0) {
                TransitionPlan plan;
                try {
                    plan = style.plan(new TransitionRequest(pair[0].results(), pair[1].results(), null, pair[1].bpm()));
                } catch (IllegalArgumentException refused) {
                    assertNotNull(refused.getMessage(), "a refusal says why: " + where(pair));
                    continue;
                }
                assertValid(plan, pair[0], pair[1], pair[1].bpm());
            }
        }
    }

    @Test
    public void preferredLengthsAndOtherTargetTemposGiveValidPlans() {
        DjStyle style = newStyle();
        for (SyntheticTrack[] pair : pairs()) {
            if (style.suitability(pair[0].results(), pair[1].results()) == 0) {
                continue;
            }
            for (Integer bars : new Integer[] {1, 2, 4, 16, 64, 1000}) {
                double target = (pair[0].bpm() + pair[1].bpm()) / 2;
                TransitionPlan plan;
                try {
                    plan = style.plan(new TransitionRequest(pair[0].results(), pair[1].results(), bars, target));
                } catch (IllegalArgumentException refused) {
                    continue; // a style may refuse a length it cannot fit; it must not plan an invalid one
                }
                assertValid(plan, pair[0], pair[1], target);
            }
        }
    }

    @Test
    public void plansAreDeterministicAcrossCallsInstancesAndThreads() throws Exception {
        List<SyntheticTrack[]> suitable = new ArrayList<>();
        List<TransitionPlan> expected = new ArrayList<>();
        DjStyle first = newStyle();
        for (SyntheticTrack[] pair : pairs()) {
            if (first.suitability(pair[0].results(), pair[1].results()) > 0) {
                suitable.add(pair);
                expected.add(first.plan(new TransitionRequest(pair[0].results(), pair[1].results(), null, pair[1].bpm())));
            }
        }
        DjStyle shared = newStyle();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TransitionPlan>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (SyntheticTrack[] pair : suitable) {
                    futures.add(pool.submit(() -> shared.plan(
                            new TransitionRequest(pair[0].results(), pair[1].results(), null, pair[1].bpm()))));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                SyntheticTrack[] pair = suitable.get(i % suitable.size());
                assertEquals(expected.get(i % suitable.size()), futures.get(i).get(),
                        "the same request gives the same plan, on any instance and thread: " + where(pair));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every check a plan must pass; public so a style's own tests can apply it to plans they make.
     *
     * @param targetBpm the request's target tempo
     */
    public void assertValid(TransitionPlan plan, SyntheticTrack out, SyntheticTrack in, double targetBpm) {
        String where = where(new SyntheticTrack[] {out, in}) + ": " + plan;
        assertEquals(styleId(), plan.styleId(), "styleId names the style: " + where);
        assertEquals(0, plan.incomingPitchShiftSemitones(), "key shifts are the set planner's business: " + where);
        assertFalse(plan.explanation().isBlank(), "a plan explains itself to the user: " + where);

        // Where each deck is at the end, in its own seconds: beat-matched decks move one of their own
        // beats per master beat; free-running decks play the master's beats at their own speed.
        double outSecondsPerBeat = plan.beatMatched() ? out.secondsPerBeat() : 60 / plan.tempoRamp().fromBpm();
        double inSecondsPerBeat = plan.beatMatched() ? in.secondsPerBeat() : outSecondsPerBeat;
        double outEnd = plan.outgoingCueSeconds() + plan.lengthBeats() * outSecondsPerBeat;
        double inEnd = plan.incomingCueSeconds() + plan.lengthBeats() * inSecondsPerBeat;
        assertTrue(outEnd <= out.durationSeconds() + BEAT_TOLERANCE_SECONDS,
                "the outgoing track ends before the transition does (" + outEnd + " > " + out.durationSeconds() + " s): " + where);
        assertTrue(inEnd <= in.durationSeconds() + BEAT_TOLERANCE_SECONDS,
                "the incoming track ends before the transition does (" + inEnd + " > " + in.durationSeconds() + " s): " + where);
        assertTrue(inEnd > 0, "the incoming track has not started when the transition ends: " + where);

        if (plan.beatMatched()) {
            assertTrue(out.hasBeatGrid() && in.hasBeatGrid(), "a beat-matched plan needs both beat grids: " + where);
            assertTrue(out.isBeatTime(plan.outgoingCueSeconds(), BEAT_TOLERANCE_SECONDS),
                    "the outgoing cue " + plan.outgoingCueSeconds() + " s is not on a beat: " + where);
            assertTrue(in.isBeatTime(plan.incomingCueSeconds(), BEAT_TOLERANCE_SECONDS),
                    "the incoming cue " + plan.incomingCueSeconds() + " s is not on a beat: " + where);
            assertEquals(targetBpm, plan.tempoRamp().toBpm(), targetBpm * 0.005,
                    "a beat-matched transition ends at the target tempo: " + where);
        }

        Map<String, ParameterDescriptor> known = knownParameters();
        for (AutomationLane lane : plan.lanes()) {
            String target = lane.effectId() + " " + lane.parameterId();
            ParameterDescriptor p = known.get(target);
            assertNotNull(p, "a lane for " + target + ", which is neither a standard parameter nor in otherEffects(): " + where);
            for (AutomationPoint point : lane.points()) {
                assertInRange(p, lane, point.value(), point.beat(), where);
            }
            for (double beat = 0; beat <= plan.lengthBeats(); beat += 0.125) {
                assertInRange(p, lane, lane.valueAt(beat), beat, where);
            }
        }
        AutomationLane outFader = lane(plan, Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME);
        if (closesOutgoingFader()) {
            assertNotNull(outFader, "no outgoing fader lane: the outgoing track would stop audibly at the end: " + where);
            assertEquals(0, outFader.valueAt(plan.lengthBeats()), 1e-9, "the outgoing fader is closed at the end: " + where);
        }
        AutomationLane inFader = lane(plan, Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME);
        if (inFader != null) {
            assertEquals(1, inFader.valueAt(plan.lengthBeats()), 1e-9, "the incoming fader is fully up at the end: " + where);
        }
    }

    private static void assertInRange(ParameterDescriptor p, AutomationLane lane, double value, double beat, String where) {
        assertTrue(value >= p.min() - 1e-9 && value <= p.max() + 1e-9, () -> lane.deck() + " " + lane.effectId() + " "
                + lane.parameterId() + " = " + value + " at beat " + beat + " outside " + p.min() + ".." + p.max() + ": " + where);
    }

    /** The plan's lane for one deck, effect and parameter, or {@code null}. */
    protected static AutomationLane lane(TransitionPlan plan, Deck deck, String effectId, String parameterId) {
        for (AutomationLane lane : plan.lanes()) {
            if (lane.deck() == deck && lane.effectId().equals(effectId) && lane.parameterId().equals(parameterId)) {
                return lane;
            }
        }
        return null;
    }

    private Map<String, ParameterDescriptor> knownParameters() {
        Map<String, ParameterDescriptor> known = new HashMap<>();
        put(known, AutomationLane.MIXER, AutomationLane.VOLUME, 0, 1);
        for (String band : new String[] {StandardEffects.EQ3_LOW, StandardEffects.EQ3_MID, StandardEffects.EQ3_HIGH}) {
            put(known, StandardEffects.EQ3, band, -26, 6);
        }
        put(known, StandardEffects.FILTER, StandardEffects.FILTER_SWEEP, -1, 1);
        put(known, StandardEffects.FILTER, StandardEffects.FILTER_RESONANCE, 0, 1);
        put(known, StandardEffects.ECHO, StandardEffects.ECHO_BEATS, 0.125, 4);
        put(known, StandardEffects.ECHO, StandardEffects.ECHO_FEEDBACK, 0, 0.95);
        put(known, StandardEffects.ECHO, StandardEffects.ECHO_MIX, 0, 1);
        put(known, StandardEffects.REVERB, StandardEffects.REVERB_SIZE, 0, 1);
        put(known, StandardEffects.REVERB, StandardEffects.REVERB_DAMPING, 0, 1);
        put(known, StandardEffects.REVERB, StandardEffects.REVERB_MIX, 0, 1);
        put(known, StandardEffects.PANNER, StandardEffects.PANNER_PAN, -1, 1);
        put(known, StandardEffects.PANNER, StandardEffects.PANNER_WIDTH, 0, 2);
        put(known, StandardEffects.LIMITER, StandardEffects.LIMITER_CEILING, -12, 0);
        for (EffectDescriptor effect : otherEffects()) {
            for (ParameterDescriptor p : effect.parameters()) {
                known.put(effect.id() + " " + p.id(), p);
            }
        }
        return known;
    }

    private static void put(Map<String, ParameterDescriptor> known, String effect, String parameter, double min, double max) {
        known.put(effect + " " + parameter, new ParameterDescriptor(parameter, parameter, min, max, min,
                org.segue.api.effect.ParameterUnit.NONE, org.segue.api.effect.ParameterScale.LINEAR, true));
    }
}
