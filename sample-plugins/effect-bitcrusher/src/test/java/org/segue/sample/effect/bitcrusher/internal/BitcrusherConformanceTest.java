package org.segue.sample.effect.bitcrusher.internal;

import org.segue.api.effect.Effect;
import org.segue.api.testkit.BaseEffectTestCase;

/**
 * Segue's conformance suite for effects, run on the bitcrusher: every common sample rate and block
 * size, silence, random automation, smoothing, reset, latency, and no allocation in {@code process}.
 * Extending the test kit's base class is all it takes; the tests are inherited.
 */
class BitcrusherConformanceTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new BitcrusherEffect();
    }
}
