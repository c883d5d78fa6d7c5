package org.segue.plugin.stretch.wsola.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.mix.StretchProcessor;
import org.segue.api.mix.TimeStretcher;

/**
 * Segue's built-in time stretcher: WSOLA with transient protection for tempo, followed by a
 * windowed-sinc resampler for pitch.
 *
 * <p>Why WSOLA and not a phase vocoder: a DJ deck mostly plays beat-driven music at speeds within a
 * few percent of 1. There WSOLA copies the input nearly untouched between splices, so kicks and hats
 * keep their attack and stereo image, and it costs a correlation search per 30 ms instead of FFTs
 * per 5-10 ms. Its weaknesses (flams when a splice cuts through an attack, beat jitter from the search
 * window) are handled by keeping splices off detected onsets and onset-playing segments within 1 ms
 * of their nominal time ({@link SegmentSearch}). A phase vocoder with phase locking (Laroche and
 * Dolson) is better for sustained polyphonic material at large ratios, where WSOLA can warble; that
 * is a candidate for another {@link TimeStretcher} service chosen by id.
 */
@Component(configurationPid = WsolaStretcher.PID,
        property = TimeStretcher.ID + "=" + WsolaStretcher.STRETCHER_ID)
@Designate(ocd = WsolaStretcher.Config.class)
public class WsolaStretcher implements TimeStretcher {

    public static final String PID = "org.segue.stretch.wsola";
    public static final String STRETCHER_ID = "segue.stretch.wsola/1";

    @ObjectClassDefinition(name = "Segue WSOLA time stretcher",
            description = "Tempo and pitch change for decks; the defaults suit dance music")
    public @interface Config {
        @AttributeDefinition(description = "Output hop (segment body) in milliseconds; longer keeps more "
                + "of the input intact, shorter follows fast tempo changes more closely", min = "10", max = "100")
        double hopMs() default StretchParams.HOP_MS;

        @AttributeDefinition(description = "Cross-fade at each splice in milliseconds", min = "2", max = "30")
        double overlapMs() default StretchParams.OVERLAP_MS;

        @AttributeDefinition(description = "Similarity search half-width in milliseconds; about half the "
                + "period of the lowest note that should splice cleanly", min = "2", max = "25")
        double seekMs() default StretchParams.SEEK_MS;
    }

    /** Shared by all processors: immutable once built, and the same for every sample rate. */
    private final SincKernels kernels = new SincKernels();
    private volatile Config config;

    public WsolaStretcher() {
    }

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    @Override
    public StretchProcessor newProcessor() {
        Config c = config;
        if (c == null) {
            return new WsolaProcessor(kernels, StretchParams.HOP_MS, StretchParams.OVERLAP_MS, StretchParams.SEEK_MS);
        }
        double hop = clamp(c.hopMs(), 10, 100);
        double overlap = clamp(c.overlapMs(), 2, Math.min(30, hop / 2));
        return new WsolaProcessor(kernels, hop, overlap, clamp(c.seekMs(), 2, 25));
    }

    private static double clamp(double v, double lo, double hi) {
        return v != v ? lo : Math.max(lo, Math.min(hi, v));
    }
}
