package org.segue.plugin.analyzer.tonal.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.SegueAnalyzer;
import org.segue.api.audio.AudioFormat;

/**
 * The tonal analyzer: the key of a track, its key changes and its chords, from one pass over the
 * audio. A stateless factory, as {@link Analyzer} requires; each track's state lives in its
 * {@link TonalTask}.
 */
@Component
@Designate(ocd = TonalAnalyzer.Config.class)
@SegueAnalyzer(id = TonalAnalyzer.ID, produces = {"segue.key", "segue.key.changes", "segue.chords"})
public class TonalAnalyzer implements Analyzer {

    /** The analyzer id; bump the revision when results change meaningfully. */
    static final String ID = "segue.analyzer.tonal/1";

    @ObjectClassDefinition(name = "Segue tonal analyzer",
            description = "Estimates the key, key changes and chords of every analysed track.")
    @interface Config {
        @AttributeDefinition(name = "Key profiles",
                description = "The listening profiles that, with the chords and the bass, tell a major key from its relative minor.",
                options = {
                    @Option(value = "KRUMHANSL", label = "Krumhansl-Kessler (probe-tone ratings)"),
                    @Option(value = "TEMPERLEY", label = "Temperley (textbook harmony)")
                })
        String keyProfile() default "KRUMHANSL";

        @AttributeDefinition(name = "Shortest key change (s)",
                description = "How long a new key must hold before a key change is reported.", min = "1", max = "600")
        double minKeySegmentSeconds() default 8;

        @AttributeDefinition(name = "Extended chords",
                description = "Recognise seventh, diminished, augmented and suspended chords, not only major "
                        + "and minor triads.")
        boolean extendedChords() default true;

        @AttributeDefinition(name = "Chord smoothing (s)",
                description = "How strongly short chord changes are smoothed away; 0 turns smoothing off.",
                min = "0", max = "2")
        double chordSwitchSeconds() default 0.1;
    }

    private volatile TonalSettings settings = TonalSettings.DEFAULTS;

    /** For DS; configured by {@link #activate}. */
    public TonalAnalyzer() {
    }

    /** For tests and harnesses outside a framework. */
    TonalAnalyzer(TonalSettings settings) {
        this.settings = settings;
    }

    @Activate
    @Modified
    void activate(Config config) {
        settings = new TonalSettings(KeyProfiles.Kind.valueOf(config.keyProfile().strip().toUpperCase(java.util.Locale.ROOT)),
                config.minKeySegmentSeconds(), config.extendedChords(), config.chordSwitchSeconds());
    }

    @Override
    public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
        return new TonalTask(format, frameLengthHint, settings);
    }
}
