package org.segue.sample.style.reverbwash.internal;

import org.segue.api.style.DjStyle;
import org.segue.api.testkit.BaseStyleTestCase;

/**
 * Segue's conformance suite for DJ styles, run on the reverb wash over many made-up track pairs:
 * every plan it makes is one the engine can play. The tests are inherited.
 */
class ReverbWashConformanceTest extends BaseStyleTestCase {

    @Override
    protected DjStyle newStyle() {
        return new ReverbWashStyle(8, 6, 0.7);
    }

    @Override
    protected String styleId() {
        return ReverbWashStyle.ID;
    }
}
