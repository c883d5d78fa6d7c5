package org.segue.sample.analyzer.danceability.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.SegueAnalyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Rates how danceable a track is from how strong and how steady its pulse is.
 *
 * <p>This class is the service Segue finds: {@code @Component} registers it, and
 * {@code @SegueAnalyzer} sets its id and the result keys it publishes (Segue rejects a result under
 * a key the analyzer did not declare). It keeps no state: Segue may analyse several tracks at once,
 * each with its own {@link DanceabilityTask}.
 */
@Component
@SegueAnalyzer(id = DanceabilityAnalyzer.ID, produces = "sample.danceability")
public class DanceabilityAnalyzer implements Analyzer {

    /**
     * The id with its revision, stored with every result: bump the revision when the results change
     * meaningfully (a better algorithm), so libraries analyse their tracks again.
     */
    public static final String ID = "sample.analyzer.danceability/1";

    @Override
    public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
        return new DanceabilityTask(format.sampleRate());
    }
}
