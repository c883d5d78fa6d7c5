package ${package}.internal;

import org.segue.api.audio.AudioBlock;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;

/**
 * The running ${effectName} on one deck: multiplies every sample by the gain, which moves to each new
 * value over {@link #SMOOTHING_SECONDS} so a jump is not heard as a click.
 *
 * <p>Real-time rules: {@link #prepare} may allocate; {@link #process} and {@link #reset} run on the
 * audio thread and must not allocate, lock, log, do I/O or throw. Bad events (an unknown index, NaN)
 * are ignored: an exception would make Segue bypass the effect for the rest of the session.
 */
final class ${effectName}Processor implements EffectProcessor {

    static final double SMOOTHING_SECONDS = 0.02;

    private int channels;
    private int rampFrames;
    private double gainDb;
    /** {@code gainDb} as a factor, recomputed only while it moves: pow is slow. */
    private float gain = 1;
    private double targetDb;
    private double stepDb;
    private int remaining;
    /** True from prepare or reset until the first block is done: changes at offset 0 apply at once. */
    private boolean fresh;

    @Override
    public void prepare(int sampleRate, int channels, int maxFrames) {
        if (sampleRate < 1 || channels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("sample rate, channels and frames must be positive");
        }
        this.channels = channels;
        this.rampFrames = (int) Math.round(SMOOTHING_SECONDS * sampleRate);
        gainDb = targetDb = ${effectName}Effect.DESCRIPTOR.parameters().get(0).defaultValue();
        gain = factor(gainDb);
        remaining = 0;
        fresh = true;
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void reset() {
        gainDb = targetDb; // keep the value, drop the slide towards it
        gain = factor(gainDb);
        remaining = 0;
        fresh = true;
    }

    @Override
    public void process(AudioBlock block, ParameterChanges changes) {
        int frames = block.frames();
        int blockChannels = Math.min(channels, block.channelCount());
        int events = changes == null ? 0 : changes.size();
        int event = 0;
        for (int i = 0; i < frames; i++) {
            while (event < events && changes.frameOffset(event) <= i) {
                apply(changes.parameterIndex(event), changes.value(event), fresh && i == 0);
                event++;
            }
            if (remaining > 0) {
                remaining--;
                gainDb = remaining == 0 ? targetDb : gainDb + stepDb;
                gain = factor(gainDb);
            }
            for (int c = 0; c < blockChannels; c++) {
                block.channel(c)[i] *= gain;
            }
        }
        while (event < events) {
            apply(changes.parameterIndex(event), changes.value(event), false);
            event++;
        }
        fresh = false;
    }

    private void apply(int index, double value, boolean atOnce) {
        if (index != 0 || Double.isNaN(value)) {
            return;
        }
        targetDb = Math.max(-60, Math.min(12, value));
        if (atOnce || rampFrames == 0) {
            gainDb = targetDb;
            gain = factor(gainDb);
            remaining = 0;
        } else {
            stepDb = (targetDb - gainDb) / rampFrames;
            remaining = rampFrames;
        }
    }

    private static float factor(double decibels) {
        return (float) Math.pow(10, decibels / 20);
    }
}
