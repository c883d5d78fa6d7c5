package org.segue.plugin.stretch.wsola.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segue.api.testkit.Signal;
import org.segue.api.testkit.Signals;

/** Click tracks: beats must land on the stretched grid and stay sharp. */
class TransientTest {

    private static final int RATE = 44100;
    private static final int BLOCK = 512;

    @ParameterizedTest
    @CsvSource({"126, 0", "114, 0", "126, 2", "120, -3"})
    void clicksLandOnTheNewGridAndStaySharp(double targetBpm, double pitch) {
        double speed = targetBpm / 120;
        Signal clicks = Signals.clicks(RATE, 12, 120, 4, 0.5);
        Driver.Result r = Driver.render(Driver.processor(RATE, 2, BLOCK), clicks.stereo().audio(), speed, pitch, BLOCK);
        check(clicks, r, String.format("clicks 120 -> %.0f bpm, pitch %+.0f", targetBpm, pitch));
    }

    @Test
    void rampLandsBeatsOnTheIntegralOfTheSpeed() {
        Signal clicks = Signals.clicks(RATE, 12, 120, 4, 0.25);
        // Speed as a function of input time: 1.0 for 2 s, ramping to 1.05 over 8 s, then held.
        Driver.Result r = Driver.render(Driver.processor(RATE, 2, BLOCK), clicks.stereo().audio(),
                t -> 1 + 0.05 * Math.max(0, Math.min(1, (t - 2) / 8)), 0, BLOCK, null);
        check(clicks, r, "ramp 1.0 -> 1.05 over 8 s");
    }

    private static void check(Signal clicks, Driver.Result r, String label) {
        float[] in = clicks.audio()[0];
        float[] out = r.audio()[0];
        int gap = RATE / 10;
        List<Integer> inOnsets = Measure.onsets(in, in.length, 0.05f, gap);
        List<Integer> outOnsets = Measure.onsets(out, r.frames(), 0.05f, gap);
        assertEquals(clicks.beats().length, inOnsets.size(), "input clicks");
        assertEquals(inOnsets.size(), outOnsets.size(), label + ": clicks out");
        double worst = 0;
        double sum = 0;
        double worstShare = 1;
        for (int i = 0; i < inOnsets.size(); i++) {
            double expected = r.outputTime()[inOnsets.get(i)];
            double error = (outOnsets.get(i) - expected) / RATE;
            worst = Math.max(worst, Math.abs(error));
            sum += Math.abs(error);
            double share = Measure.energyShare(out, outOnsets.get(i), RATE / 50, RATE / 10, RATE / 100);
            worstShare = Math.min(worstShare, share);
        }
        double reference = 1;
        for (int i = 0; i < inOnsets.size(); i++) {
            reference = Math.min(reference, Measure.energyShare(in, inOnsets.get(i), RATE / 50, RATE / 10, RATE / 100));
        }
        System.out.printf("%s: onset error mean %.2f ms, worst %.2f ms; energy within 10 ms worst %.1f%% (input %.1f%%)%n",
                label, 1000 * sum / inOnsets.size(), 1000 * worst, 100 * worstShare, 100 * reference);
        assertTrue(worst <= 0.005, label + ": worst onset error " + worst);
        assertTrue(worstShare >= 0.9, label + ": smeared click, energy share " + worstShare);
    }
}
