package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.Levels;
import org.segue.api.testkit.Signals;

/** What the effect does to a signal whose answer is known: replace it with your effect's own. */
class ${effectName}EffectTest {

    @Test
    void minusSixDecibelsHalvesTheAmplitudeOfASine() {
        float[] sine = Signals.sine(48000, 0.5, 1000, 0.5).audio()[0];
        EffectHarness h = new EffectHarness(new ${effectName}Effect(), 48000, 1, 512).set(${effectName}Effect.GAIN, -6.0206);
        float[] out = h.process(new float[][] {sine})[0];
        assertEquals(0.25, Levels.amplitude(out, 4800, out.length, 1000, 48000), 1e-4);
    }
}
