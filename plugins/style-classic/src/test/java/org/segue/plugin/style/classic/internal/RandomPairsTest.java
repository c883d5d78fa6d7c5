package org.segue.plugin.style.classic.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * Random tracks through every style: scores stay in range and a plan is either refused with an
 * IllegalArgumentException (as the contract allows) or valid, fits both tracks and stays in range.
 * The seed is printed so a failure can be replayed.
 */
class RandomPairsTest {

    private static final long SEED = Long.getLong("segue.test.seed", 20261126L);
    private static final int PAIRS = 100;

    @Test
    void everyStyleCopesWithArbitraryTracks() {
        System.out.println("RandomPairsTest seed " + SEED + " (set -Dsegue.test.seed to replay)");
        Random random = new Random(SEED);
        Map<String, DjStyle> styles = Styles.all();
        int planned = 0;
        for (int i = 0; i < PAIRS; i++) {
            Synth out = randomTrack(random, "out" + i);
            Synth in = randomTrack(random, "in" + i);
            Integer bars = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : null;
            double target = random.nextBoolean() ? in.bpm : 60 + random.nextDouble() * 120;
            TransitionRequest request = Styles.request(out, in, bars, target);
            for (Map.Entry<String, DjStyle> entry : styles.entrySet()) {
                String what = entry.getKey() + " on pair " + i + " (seed " + SEED + ")";
                double score = entry.getValue().suitability(out.results, in.results);
                assertTrue(score >= 0 && score <= 1, what + " scored " + score);
                TransitionPlan plan;
                try {
                    plan = entry.getValue().plan(request);
                } catch (IllegalArgumentException refused) {
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError(what + " failed", e);
                }
                planned++;
                try {
                    PlanChecks.assertValid(plan, entry.getKey(), out, in);
                    if (plan.beatMatched()) {
                        PlanChecks.assertOnDownbeat(out, plan.outgoingCueSeconds(), "outgoing cue");
                        if (out.beatsPerBar == in.beatsPerBar) {
                            PlanChecks.assertOnDownbeat(in, plan.incomingCueSeconds(), "incoming cue");
                        }
                    }
                } catch (AssertionError e) {
                    fail(what + ": " + e.getMessage() + "\n" + plan, e);
                }
            }
        }
        assertTrue(planned > PAIRS, "most random pairs should get some plan: " + planned);
    }

    private static Synth randomTrack(Random random, String id) {
        int meter = random.nextInt(5) == 0 ? 3 : 4;
        int bars = 8 + random.nextInt(190);
        Synth.Builder b = Synth.track(id, 60 + random.nextDouble() * 120, bars).meter(meter)
                .pickup(random.nextInt(meter)).offset(random.nextDouble() * 3).tail(random.nextDouble() * 10);
        if (random.nextInt(6) == 0) {
            b.noGrid();
        }
        if (random.nextInt(4) == 0) {
            b.noStructure();
        }
        int intro = Math.min(bars, random.nextInt(40));
        int outro = Math.min(bars - intro, random.nextInt(40));
        int at = 0;
        if (intro > 0) {
            b.section(SegmentLabel.INTRO, 0, intro, 0.2 + random.nextDouble() * 0.3);
            at = intro;
        }
        while (at < bars - outro) {
            int length = Math.min(bars - outro - at, 4 + random.nextInt(32));
            SegmentLabel label = random.nextBoolean() ? SegmentLabel.DROP : SegmentLabel.BREAKDOWN;
            b.section(label, at, at + length, label == SegmentLabel.DROP ? 0.7 + random.nextDouble() * 0.3
                    : random.nextDouble() * 0.5);
            at += length;
        }
        if (outro > 0) {
            b.section(SegmentLabel.OUTRO, bars - outro, bars, 0.2 + random.nextDouble() * 0.3);
        }
        if (random.nextBoolean()) {
            b.key((1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B"));
        }
        return b.build();
    }
}
