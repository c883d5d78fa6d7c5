package org.segue.plugin.analyzer.rhythm.internal;

import java.util.List;

import org.segue.api.analysis.TempoSegment;

/**
 * What the rhythm analysis of one stretch of envelope found.
 *
 * @param bpm the main tempo
 * @param confidence {@code 0..1}
 * @param beats beat times in seconds, strictly increasing
 * @param beatsPerBar 3 or 4
 * @param firstDownbeat index in {@code beats} of the first downbeat
 * @param segments tempo segments, the first at 0 s
 */
record RhythmResult(double bpm, double confidence, double[] beats, int beatsPerBar, int firstDownbeat,
        List<TempoSegment> segments) {
}
