package org.segue.plugin.analyzer.loudness.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.SegueAnalyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Loudness as EBU R 128 defines it: integrated loudness (ITU-R BS.1770-4, gated), loudness range
 * (EBU Tech 3342) and true peak (BS.1770-4 Annex 2 / EBU Tech 3341), at any sample rate and
 * channel count, in one pass with fixed memory. Also publishes the short-term (3 s) loudness over
 * time, which the mixer uses to match levels at the point of a transition rather than over the
 * whole track.
 *
 * <p>The produced key names are repeated as literals because annotation values must be constants;
 * {@code LoudnessAnalyzerTest} checks them against the keys.
 *
 * <p>Stateless factory: the measurement lives in the {@link LoudnessTask} of each track.
 */
@Component(service = Analyzer.class)
@SegueAnalyzer(id = LoudnessAnalyzer.ID, produces = {"segue.loudness", "segue.loudness.shortterm"})
public class LoudnessAnalyzer implements Analyzer {

    /** The analyzer id; bump the revision when results change meaningfully. */
    static final String ID = "segue.analyzer.loudness/1";

    /**
     * Short-term loudness in LUFS every 0.5 s, each value placed at the middle of its 3 s window,
     * floored at −70 LUFS (the absolute gate; quieter is silence for R 128).
     */
    static final ResultKey<FeatureCurve> SHORT_TERM =
            new ResultKey<>("segue.loudness.shortterm", FeatureCurve.class, 1);

    @Override
    public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
        return new LoudnessTask(format, frameLengthHint);
    }
}
