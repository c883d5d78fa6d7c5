package org.segue.plugin.mix.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.segue.api.audio.PcmSource;
import org.segue.api.mix.StretchProcessor;
import org.segue.support.audio.PlanarBuffer;
import org.segue.support.usage.PluginUsage;
import org.segue.support.usage.TimedSource;

/**
 * One track playing: decoder → time-stretch/pitch-shift → gain and fader → effects, added into the master.
 *
 * <p>The deck is told, block by block, where in its track it should be at the end of the block;
 * it sets the stretcher's speed so that its read position arrives there. Because the target comes
 * from the beat-locked timeline every block, small errors of the stretcher never accumulate: the
 * deck stays on the beat grid for the whole mix.
 */
final class Deck implements AutoCloseable {

    /** Fade at a deck's first and last audible block, so no track starts or stops with a click. */
    static final double EDGE_FADE_SECONDS = 0.02;

    final int index;
    final MixTrack track;
    private final TimedSource source;
    private final StretchProcessor stretcher;
    private final int sourceRate;
    private final int sourceChannels;
    private final int masterRate;
    private final double gain;
    private final float[][] sourceBuffer;
    private final float[][] stretchIn;
    private final PlanarBuffer block;
    final List<EffectSlot> effects = new ArrayList<>();
    private final double pitch;
    private double readHead;
    private boolean started;
    private boolean exhausted;
    private double volume = 1;
    private long position;
    /**
     * Time in the stretcher's code, and whether it failed, summed in plain fields so the per-block
     * path allocates nothing (the decoder's are kept by its {@link TimedSource}); read once the
     * deck is closed.
     */
    private long stretchNanos;
    private boolean stretchFailed;

    Deck(int index, MixTrack track, PcmSource source, StretchProcessor stretcher, int masterRate, int maxFrames,
            double gain) {
        this.index = index;
        this.track = track;
        this.source = new TimedSource(source, 0);
        this.stretcher = stretcher;
        this.sourceRate = source.format().sampleRate();
        this.sourceChannels = source.format().channels();
        this.masterRate = masterRate;
        this.gain = gain;
        // The stretcher keeps the input's pitch in samples; played at the master rate a source of
        // another rate would sound transposed, so the rate ratio is folded into the pitch shift.
        this.pitch = track.pitchSemitones() + 12 * Math.log(sourceRate / (double) masterRate) / Math.log(2);
        int maxInput = 2 * maxFrames * Math.max(1, (int) Math.ceil(sourceRate / (double) masterRate)) + 64;
        long start = System.nanoTime();
        try {
            stretcher.prepare(masterRate, 2, Math.max(maxInput, maxFrames));
        } finally {
            stretchNanos += System.nanoTime() - start;
        }
        this.sourceBuffer = new float[Math.max(1, sourceChannels)][maxInput];
        this.stretchIn = new float[2][maxInput];
        this.block = new PlanarBuffer(2, maxFrames, masterRate);
    }

    /**
     * Renders {@code frames} frames ending where the track should be at {@code trackTimeEnd}
     * seconds, with {@code volumeEnd} reached by the end of the block, and adds them into
     * {@code master}.
     *
     * @param fadeIn fade in over this block (the deck's first audible block)
     * @param fadeOut fade out over this block (its last)
     */
    void render(PlanarBuffer master, int frames, double trackTimeStart, double trackTimeEnd, double volumeEnd,
            boolean fadeIn, boolean fadeOut) throws IOException {
        // The stretcher's time is this section's less the decoder's reads within it; an exception
        // not the decoder's is the stretcher's.
        long start = System.nanoTime();
        long decodedBefore = source.nanos();
        double speed;
        int got;
        try {
            if (!started) {
                start(trackTimeStart);
            }
            // Input frames per output frame that bring the read head to the target by the block's end.
            speed = Math.max(0.5, Math.min(2.0, (trackTimeEnd * sourceRate - readHead) / frames));
            stretcher.set(speed, pitch);
            fill(frames);
            got = stretcher.take(block.data, 0, frames);
        } catch (RuntimeException e) {
            stretchFailed |= !source.failed();
            throw e;
        } finally {
            stretchNanos += System.nanoTime() - start - (source.nanos() - decodedBefore);
        }
        for (int c = 0; c < 2; c++) {
            java.util.Arrays.fill(block.data[c], got, frames, 0f);
        }
        readHead += speed * frames;
        // The fader comes before the effects, as on a DJ mixer's channel effects: an echo keeps
        // ringing after the fader is cut, which is what an echo-out is.
        double v0 = volume;
        for (int i = 0; i < frames; i++) {
            float g = (float) (gain * (v0 + (volumeEnd - v0) * (i + 1) / frames));
            block.data[0][i] *= g;
            block.data[1][i] *= g;
        }
        volume = volumeEnd;
        // The edge fades keep the dry signal from clicking where the deck starts or stops; they come
        // before the effects so that an echo or reverb tail is not faded with it.
        double fadeFrames = EDGE_FADE_SECONDS * masterRate;
        if (fadeIn || fadeOut) {
            for (int i = 0; i < frames; i++) {
                double g = 1;
                if (fadeIn && i < fadeFrames) {
                    g = i / fadeFrames;
                }
                if (fadeOut && i >= frames - fadeFrames) {
                    g *= (frames - 1 - i) / fadeFrames;
                }
                block.data[0][i] *= (float) g;
                block.data[1][i] *= (float) g;
            }
        }
        processEffectsInto(master, frames);
    }

    /** True while one of the deck's effects rings out after its transition. */
    boolean ringing() {
        for (EffectSlot e : effects) {
            if (e.ringing()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Renders the tails of the deck's ringing effects after the track itself has ended: the
     * effects get silence in and add what they still sound into {@code master}.
     */
    void ringOut(PlanarBuffer master, int frames) {
        block.clear(frames);
        processEffectsInto(master, frames);
    }

    private void processEffectsInto(PlanarBuffer master, int frames) {
        block.set(frames, position);
        position += frames;
        for (EffectSlot e : effects) {
            e.process(block);
        }
        for (int i = 0; i < frames; i++) {
            master.data[0][i] += block.data[0][i];
            master.data[1][i] += block.data[1][i];
        }
    }

    /** Seeks to the track time the deck starts at and primes the stretcher past its latency. */
    private void start(double trackTime) throws IOException {
        started = true;
        long frame = Math.max(0, Math.round(trackTime * sourceRate));
        if (frame > 0) {
            if (source.seekable()) {
                source.seek(frame);
            } else {
                skip(frame);
            }
        }
        readHead = frame;
        stretcher.set(sourceRate / (double) masterRate, pitch);
        int latency = stretcher.latencyFrames();
        float[][] scratch = new float[2][Math.max(1, Math.min(latency, block.data[0].length))];
        for (int left = latency; left > 0; ) {
            int n = Math.min(left, scratch[0].length);
            fill(n);
            int got = stretcher.take(scratch, 0, n);
            if (got <= 0) {
                break;
            }
            left -= got;
        }
    }

    private void skip(long frames) throws IOException {
        for (long left = frames; left > 0; ) {
            int n = read((int) Math.min(left, sourceBuffer[0].length));
            if (n < 0) {
                exhausted = true;
                return;
            }
            left -= n;
        }
    }

    /**
     * Feeds the stretcher until it can deliver {@code frames}: it may ask for more input than one
     * buffer holds (a whole analysis hop at once), so the request is met in buffer-sized pieces.
     */
    private void fill(int frames) throws IOException {
        for (int rounds = 0, need; rounds < 64 && (need = stretcher.inputNeeded(frames)) > 0; rounds++) {
            feed(need);
        }
    }

    /** Reads up to {@code frames} input frames (silence once the track has ended) into the stretcher. */
    private void feed(int frames) throws IOException {
        int left = Math.min(frames, stretchIn[0].length);
        int done = 0;
        while (done < left) {
            int n = exhausted ? -1 : read(left - done);
            if (n < 0) {
                exhausted = true;
                for (int c = 0; c < 2; c++) {
                    java.util.Arrays.fill(stretchIn[c], done, left, 0f);
                }
                done = left;
                break;
            }
            for (int i = 0; i < n; i++) {
                float l = sourceBuffer[0][i];
                float r = sourceChannels > 1 ? sourceBuffer[1][i] : l;
                stretchIn[0][done + i] = l;
                stretchIn[1][done + i] = r;
            }
            done += n;
        }
        if (left > 0) {
            stretcher.put(stretchIn, 0, left);
        }
    }

    /** Reads from the decoder into {@code sourceBuffer}. */
    private int read(int frames) throws IOException {
        return source.read(sourceBuffer, 0, frames);
    }

    /**
     * Adds the work of this deck's stretcher, decoder and effects that processed audio to the tally.
     *
     * @param stretcherClass the {@code TimeStretcher} service's class, which names the plugin
     */
    void tally(PluginUsage usage, Class<?> stretcherClass) {
        usage.add(stretcherClass, null, stretchNanos, !stretchFailed);
        usage.add(source.source().getClass(), "decoder", source.nanos(), !source.failed());
        for (EffectSlot e : effects) {
            if (e.used()) {
                usage.add(e.pluginClass, e.id, e.nanos(), !e.bypassed());
            }
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
