package org.segue.plugin.stretch.wsola.internal;

import org.segue.api.mix.StretchProcessor;

/**
 * One deck's stretcher: input ring, WSOLA stage, resampler stage, output ring, wired in
 * {@link #prepare} and then run without allocating.
 *
 * <p>Work happens eagerly: {@link #put} (and {@link #take}, once it has made room) pushes the input
 * through as many hops and output frames as the buffers allow, so {@link #available} is simply what
 * is finished.
 *
 * <p>Timeline: {@link #reset} pre-rolls silence so that at speed 1 output frame {@code n} is input frame
 * {@code n - latencyFrames()}; in general the output time of input frame {@code x} is
 * {@code latencyFrames() + sum over the input before x of 1/speed}, with each frame's speed the one set
 * before it was put. Pitch shift does not move it (to within {@code maxHalf * (1 - 1/ratio)} frames,
 * under 0.4 ms).
 *
 * <p>Capacity: the buffers hold what the {@code inputNeeded}/{@code put}/{@code take} protocol needs at
 * the extreme settings (speed 2 with pitch -12 is a WSOLA rate of 1/4) with {@code maxFrames} blocks,
 * and several blocks more. Input a caller pushes beyond that, ignoring {@code inputNeeded}, is
 * dropped rather than making the audio thread allocate; {@link #droppedFrames} counts it.
 */
final class WsolaProcessor implements StretchProcessor {

    private static final double MIN_SPEED = 0.5;
    private static final double MAX_SPEED = 2;
    private static final double MAX_SEMITONES = 12;

    private final SincKernels kernels;
    private final double hopMs;
    private final double overlapMs;
    private final double seekMs;

    private StretchParams params;
    private InputRing input;
    private WsolaStage wsola;
    private Resampler resampler;
    private OutputRing output;
    private int preRoll;
    private int latency;

    private double speed = 1;
    private double ratio = 1;
    private long dropped;

    WsolaProcessor(SincKernels kernels, double hopMs, double overlapMs, double seekMs) {
        this.kernels = kernels;
        this.hopMs = hopMs;
        this.overlapMs = overlapMs;
        this.seekMs = seekMs;
    }

    @Override
    public void prepare(int sampleRate, int channels, int maxFrames) {
        if (channels < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("channels and maxFrames must be positive");
        }
        params = StretchParams.of(sampleRate, hopMs, overlapMs, seekMs);
        int hop = params.hop();
        int lookahead = params.lookahead();
        // Input: the pre-roll, the look-ahead, a hop at rate 1/4 plus the search reach behind it, and
        // room for several blocks of input at speed 2.
        preRoll = lookahead + 3 * params.seek() + 4 * params.overlap();
        int inputCapacity = preRoll + lookahead + 5 * hop + 8 * maxFrames + 4096;
        input = new InputRing(params, channels, inputCapacity);
        wsola = new WsolaStage(params);
        resampler = new Resampler(kernels, channels, 4 * hop + 4 * maxFrames + 4 * kernels.maxHalf() + 1024);
        output = new OutputRing(channels, 4 * maxFrames + 4 * hop + 1024);
        latency = lookahead + resampler.latency();
        speed = 1;
        ratio = 1;
        reset();
    }

    @Override
    public void set(double speed, double pitchSemitones) {
        if (speed == speed) {
            this.speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
        }
        if (pitchSemitones == pitchSemitones) {
            double p = Math.max(-MAX_SEMITONES, Math.min(MAX_SEMITONES, pitchSemitones));
            ratio = p == 0 ? 1 : Math.pow(2, p / 12);
        }
    }

    @Override
    public int inputNeeded(int outputFrames) {
        int missing = outputFrames - output.available();
        if (missing <= 0 || params == null) {
            return 0;
        }
        // Intermediate frames the resampler must see to render the missing frames...
        long newest = Math.max(0, input.end() - 1);
        double laneRatio = Math.max(ratio, Math.max(input.ratio(newest), resampler.currentRatio()));
        double last = resampler.position() + (missing - 1) * laneRatio * 1.001;
        long intermediate = (long) Math.floor(last) + resampler.latency() + 1 - resampler.written();
        if (intermediate <= 0) {
            return 0;
        }
        // ... the hops that make them, and the input those hops look at.
        double rate = Math.min(ratio / speed, input.rate(newest)) / 1.001;
        double nominal = wsola.nextNominal(input, rate);
        // The hop that makes the last of them starts before it; hops may be cut short at onsets, so bound
        // by frames rather than by whole hops.
        double lastNominal = nominal + (intermediate - 1) / rate;
        long need = (long) Math.ceil(lastNominal) + params.lookahead() + 1 - input.end();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, need));
    }

    @Override
    public void put(float[][] in, int offset, int frames) {
        float rate = (float) (ratio / speed);
        float r = (float) ratio;
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, input.room());
            if (n == 0) {
                pump();
                n = Math.min(frames - done, input.room());
                if (n == 0) {
                    dropped += frames - done;
                    return;
                }
            }
            input.append(in, offset + done, n, rate, r);
            done += n;
            pump();
        }
    }

    @Override
    public int available() {
        return output.available();
    }

    @Override
    public int take(float[][] out, int offset, int maxFrames) {
        int done = 0;
        while (done < maxFrames) {
            int n = output.drain(out, offset + done, maxFrames - done);
            done += n;
            if (!pump() && n == 0) {
                break;
            }
        }
        return done;
    }

    /** Moves data down the chain as far as it goes; returns whether any output was made. */
    private boolean pump() {
        boolean any = false;
        while (true) {
            any |= resampler.render(output) > 0;
            if (!wsola.hop(input, resampler)) {
                any |= resampler.render(output) > 0;
                input.keepFrom(wsola.oldestNeeded());
                return any;
            }
        }
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public void reset() {
        if (params == null) {
            return;
        }
        input.reset();
        resampler.reset();
        output.reset();
        // Silence before the first frame, at speed 1: the search needs history, and playing it at speed
        // 1 keeps the latency a constant number of output frames whatever the speed.
        input.append(null, 0, preRoll, (float) ratio, (float) ratio);
        wsola.reset(preRoll - params.lookahead());
        dropped = 0;
    }

    /** Input frames dropped because a caller pushed more than the buffers hold. */
    long droppedFrames() {
        return dropped;
    }

    StretchParams params() {
        return params;
    }
}
