package ${package}.internal;

import org.segue.api.effect.Effect;
import org.segue.api.testkit.BaseEffectTestCase;

/**
 * Segue's conformance suite for effects: every sample rate and block size, silence, random
 * automation, smoothing, reset, latency, and no allocation in {@code process}. Inherited; keep it.
 */
class ${effectName}ConformanceTest extends BaseEffectTestCase {

    @Override
    protected Effect newEffect() {
        return new ${effectName}Effect();
    }
}
