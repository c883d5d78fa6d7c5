package org.segue.plugin.effect.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.segue.api.effect.Effect;
import org.segue.api.testkit.BaseEffectTestCase;

class PhaserEffectTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new PhaserEffect();
    }

    @Test
    void movingNotchesSweepATone() {
        double spread = ModulationTests.notchSweepDb(new PhaserEffect(), 0.5);
        System.out.printf("PHASER: 1 kHz level varies over %.1f dB%n", spread);
        assertTrue(spread > 20, "a notch passes over the tone: " + spread + " dB");
    }
}
