package org.segue.plugin.analyzer.rhythm.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.SegueAnalyzer;
import org.segue.api.audio.AudioFormat;

/**
 * Segue's rhythm analyzer: onset strength, the main tempo, beats and bars, and tempo changes.
 *
 * <p>A stateless factory, as {@link Analyzer} requires: the settings are immutable and each track's
 * state lives in its own {@link RhythmTask}, so concurrent {@code begin} calls need no locking.
 */
@Component(configurationPid = RhythmAnalyzer.PID)
@Designate(ocd = RhythmAnalyzer.Config.class)
@SegueAnalyzer(id = RhythmAnalyzer.ID, produces = {"segue.tempo", "segue.beatgrid", "segue.onsets"})
public class RhythmAnalyzer implements Analyzer {

    static final String PID = "org.segue.plugin.analyzer.rhythm";
    /** Bump the revision when results change meaningfully, so libraries re-analyse. */
    static final String ID = "segue.analyzer.rhythm/2";

    @ObjectClassDefinition(name = "Segue rhythm analyzer",
            description = "Tempo, beats, bars and tempo changes of tracks.")
    public @interface Config {

        @AttributeDefinition(name = "Slowest tempo (BPM)",
                description = "The slowest main tempo reported; slower pulses are reported at double speed.")
        double minBpm() default 60;

        @AttributeDefinition(name = "Fastest tempo (BPM)",
                description = "The fastest main tempo reported; faster pulses are reported at half speed. "
                        + "Must exceed 1.5 times the slowest.")
        double maxBpm() default 200;

        @AttributeDefinition(name = "Live window (seconds)",
                description = "How much of the most recent audio a real-time (partial) result re-analyses; "
                        + "bounds the cost of each partial result on long streams.")
        double partialWindowSeconds() default 30;
    }

    private final RhythmSettings settings;

    @Activate
    public RhythmAnalyzer(Config config) {
        this(new RhythmSettings(config.minBpm(), config.maxBpm(), config.partialWindowSeconds()));
    }

    RhythmAnalyzer(RhythmSettings settings) {
        this.settings = settings;
    }

    @Override
    public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
        return new RhythmTask(format, frameLengthHint, settings);
    }
}
