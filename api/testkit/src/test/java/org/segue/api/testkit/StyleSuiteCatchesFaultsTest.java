package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * {@link BaseStyleTestCase} must pass a plain, correct style and fail each fault planted in it, or
 * passing it means nothing.
 */
class StyleSuiteCatchesFaultsTest {

    enum Fault {
        NONE, WRONG_ID, RUNS_PAST_THE_END, CUE_OFF_THE_BEAT, EQ_OUT_OF_RANGE, FADER_LEFT_OPEN, NOT_DETERMINISTIC,
        SUITABILITY_ABOVE_ONE, IGNORES_TARGET_TEMPO
    }

    /** A 4-bar crossfade from the outgoing's last full bars into the incoming's first downbeat. */
    static final class Crossfade implements DjStyle {
        private final Fault fault;
        private final AtomicInteger calls = new AtomicInteger();

        Crossfade(Fault fault) {
            this.fault = fault;
        }

        @Override
        public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
            Optional<BeatGrid> out = outgoing.get(StandardResults.BEAT_GRID);
            Optional<BeatGrid> in = incoming.get(StandardResults.BEAT_GRID);
            if (out.isEmpty() || in.isEmpty() || out.get().beatsPerBar() != in.get().beatsPerBar()
                    || cue(out.get()) < 0 || in.get().firstDownbeat() + 4 * in.get().beatsPerBar() >= in.get().beatCount()) {
                return 0;
            }
            return fault == Fault.SUITABILITY_ABOVE_ONE ? 1.5 : 0.8;
        }

        private static int cue(BeatGrid grid) {
            int last = grid.beatCount() - 1 - 4 * grid.beatsPerBar();
            return last < grid.firstDownbeat() ? -1 : last - Math.floorMod(last - grid.firstDownbeat(), grid.beatsPerBar());
        }

        @Override
        public TransitionPlan plan(TransitionRequest request) {
            BeatGrid out = request.outgoing().get(StandardResults.BEAT_GRID)
                    .orElseThrow(() -> new IllegalArgumentException("no outgoing beat grid"));
            BeatGrid in = request.incoming().get(StandardResults.BEAT_GRID)
                    .orElseThrow(() -> new IllegalArgumentException("no incoming beat grid"));
            // A correct style refuses what it cannot mix (other meters, an incoming track shorter than
            // the transition) instead of planning past the end.
            if (suitability(request.outgoing(), request.incoming()) == 0) {
                throw new IllegalArgumentException("unsuitable pair");
            }
            int length = 4 * out.beatsPerBar();
            int cue = cue(out);
            if (cue < 0) {
                throw new IllegalArgumentException("outgoing too short");
            }
            double outCue = fault == Fault.RUNS_PAST_THE_END ? out.beat(out.beatCount() - 1)
                    : out.beat(cue) + (fault == Fault.CUE_OFF_THE_BEAT ? 0.1 : 0);
            List<AutomationLane> lanes = List.of(
                    new AutomationLane(Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME, List.of(
                            new AutomationPoint(0, 1, RampShape.LINEAR),
                            new AutomationPoint(length, fault == Fault.FADER_LEFT_OPEN ? 0.5 : 0, RampShape.LINEAR))),
                    new AutomationLane(Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME, List.of(
                            new AutomationPoint(0, 0, RampShape.LINEAR), new AutomationPoint(length, 1, RampShape.LINEAR))),
                    new AutomationLane(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW, List.of(
                            new AutomationPoint(0, 0, RampShape.LINEAR),
                            new AutomationPoint(length, fault == Fault.EQ_OUT_OF_RANGE ? -40 : -26, RampShape.LINEAR))));
            double target = fault == Fault.IGNORES_TARGET_TEMPO ? out.tempoAt(0) + 7 : request.targetBpm();
            String explanation = "4-bar crossfade" + (fault == Fault.NOT_DETERMINISTIC ? " #" + calls.incrementAndGet() : "");
            return new TransitionPlan(fault == Fault.WRONG_ID ? "test.other/1" : "test.crossfade/1", outCue,
                    in.beat(in.firstDownbeat()), 4, out.beatsPerBar(), true,
                    new TempoRamp(out.tempoAt(0), target, 0, length, RampShape.LINEAR), 0, lanes, explanation);
        }
    }

    static BaseStyleTestCase suite(Fault fault) {
        return new BaseStyleTestCase() {
            @Override
            protected DjStyle newStyle() {
                return new Crossfade(fault);
            }

            @Override
            protected String styleId() {
                return "test.crossfade/1";
            }
        };
    }

    static void runAll(BaseStyleTestCase suite) throws Exception {
        suite.suitabilityIsAFractionAndRepeatable();
        suite.suitablePairsGetValidPlans();
        suite.unsuitablePairsAreRefusedWithIllegalArgumentOrPlannedValidly();
        suite.preferredLengthsAndOtherTargetTemposGiveValidPlans();
        suite.plansAreDeterministicAcrossCallsInstancesAndThreads();
    }

    @Test
    void aCorrectStylePasses() throws Exception {
        runAll(suite(Fault.NONE));
    }

    @Test
    void everyPlantedFaultIsCaught() {
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                assertThrows(AssertionError.class, () -> runAll(suite(fault)), fault + " passed the suite");
            }
        }
    }
}
