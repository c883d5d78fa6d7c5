package org.segue.api.testkit;

import java.util.Arrays;

import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;

/**
 * Drives an {@link EffectProcessor} the way the engine does: one prepared processor, one reused
 * {@link BlockBuffer} (poisoned with NaN before every block, so a processor that reads past
 * {@code frames()} or keeps the arrays is caught), and parameter changes placed at exact stream
 * frames, which the harness turns into per-block {@link ParameterChangeList}s.
 *
 * <p>Example: the gain of a 1 kHz tone through an EQ whose mid is at +6 dB, from the first frame:
 * <pre>{@code
 * EffectHarness h = new EffectHarness(new Eq3(), 48000, 1, 512).set("mid", 6);
 * float[][] out = h.process(new float[][] {tone});
 * }</pre>
 *
 * <p>Not for allocation checks: it allocates its output. Not thread-safe.
 */
public final class EffectHarness {

    private final EffectDescriptor descriptor;
    private final EffectProcessor processor;
    private final int sampleRate;
    private final int channels;
    private final int maxFrames;
    private final BlockBuffer block;
    private final ParameterChangeList changes = new ParameterChangeList(4096);

    // Pending events at absolute frames, sorted by frame (stable).
    private long[] eventFrames = new long[64];
    private int[] eventIndices = new int[64];
    private double[] eventValues = new double[64];
    private int eventCount;
    private long position;

    /** Creates a processor of {@code effect} and prepares it. */
    public EffectHarness(Effect effect, int sampleRate, int channels, int maxFrames) {
        this.descriptor = effect.descriptor();
        this.processor = effect.newProcessor();
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.maxFrames = maxFrames;
        this.block = new BlockBuffer(channels, maxFrames, sampleRate);
        processor.prepare(sampleRate, channels, maxFrames);
    }

    public EffectProcessor processor() {
        return processor;
    }

    public EffectDescriptor descriptor() {
        return descriptor;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The stream frame the next processed block starts at. */
    public long position() {
        return position;
    }

    /**
     * Sets a parameter at the next frame to be processed; right after construction or
     * {@link #reset()} that is offset 0 of the first block, where the value applies at once.
     */
    public EffectHarness set(String parameterId, double value) {
        return setAt(position, parameterId, value);
    }

    /** Sets a parameter at stream frame {@code frame} ({@code >=} {@link #position()}). */
    public EffectHarness setAt(long frame, String parameterId, double value) {
        int index = descriptor.indexOf(parameterId);
        if (index < 0) {
            throw new IllegalArgumentException(descriptor.id() + " has no parameter " + parameterId);
        }
        return setIndexAt(frame, index, value);
    }

    /** Sets the parameter with index {@code index} at stream frame {@code frame}. */
    public EffectHarness setIndexAt(long frame, int index, double value) {
        if (frame < position) {
            throw new IllegalArgumentException("frame " + frame + " already processed (at " + position + ")");
        }
        if (eventCount == eventFrames.length) {
            eventFrames = Arrays.copyOf(eventFrames, eventCount * 2);
            eventIndices = Arrays.copyOf(eventIndices, eventCount * 2);
            eventValues = Arrays.copyOf(eventValues, eventCount * 2);
        }
        int at = eventCount;
        while (at > 0 && eventFrames[at - 1] > frame) {
            eventFrames[at] = eventFrames[at - 1];
            eventIndices[at] = eventIndices[at - 1];
            eventValues[at] = eventValues[at - 1];
            at--;
        }
        eventFrames[at] = frame;
        eventIndices[at] = index;
        eventValues[at] = value;
        eventCount++;
        return this;
    }

    /** Processes planar audio (one array per channel) in blocks of the prepared maximum. */
    public float[][] process(float[][] input) {
        return process(input, new int[] {maxFrames});
    }

    /**
     * Processes planar audio in blocks whose sizes cycle through {@code blockSizes} (each at most
     * the prepared maximum); returns the output as new arrays.
     */
    public float[][] process(float[][] input, int[] blockSizes) {
        if (input.length != channels) {
            throw new IllegalArgumentException("expected " + channels + " channels, got " + input.length);
        }
        int frames = input[0].length;
        float[][] output = new float[channels][frames];
        int done = 0;
        int next = 0;
        while (done < frames) {
            int n = Math.min(Math.max(1, Math.min(blockSizes[next++ % blockSizes.length], maxFrames)), frames - done);
            block.poison();
            block.fill(input, done, n);
            changes.clear();
            int used = 0;
            while (used < eventCount && eventFrames[used] < position + n) {
                changes.add(eventIndices[used], (int) (eventFrames[used] - position), eventValues[used]);
                used++;
            }
            if (used > 0) {
                System.arraycopy(eventFrames, used, eventFrames, 0, eventCount - used);
                System.arraycopy(eventIndices, used, eventIndices, 0, eventCount - used);
                System.arraycopy(eventValues, used, eventValues, 0, eventCount - used);
                eventCount -= used;
            }
            processor.process(block, changes);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block.channel(c), 0, output[c], done, n);
            }
            done += n;
            position += n;
        }
        return output;
    }

    /** Processes {@code frames} frames of silence. */
    public float[][] silence(int frames) {
        return process(new float[channels][frames]);
    }

    /** Resets the processor; events not yet processed stay queued. */
    public EffectHarness reset() {
        processor.reset();
        return this;
    }

    /** {@code mono} copied to every channel of this harness. */
    public float[][] spread(float[] mono) {
        float[][] audio = new float[channels][];
        for (int c = 0; c < channels; c++) {
            audio[c] = mono.clone();
        }
        return audio;
    }
}
