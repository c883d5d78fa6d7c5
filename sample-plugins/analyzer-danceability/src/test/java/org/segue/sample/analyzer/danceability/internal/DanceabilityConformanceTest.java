package org.segue.sample.analyzer.danceability.internal;

import org.segue.api.analysis.Analyzer;
import org.segue.api.testkit.BaseAnalyzerTestCase;

/**
 * Segue's conformance suite for analyzers, run on this one: any sample rate, channel count and
 * block size, silence, very short input, and close without finish. The tests are inherited.
 */
class DanceabilityConformanceTest extends BaseAnalyzerTestCase {

    @Override
    protected Analyzer newAnalyzer() {
        return new DanceabilityAnalyzer();
    }
}
