package org.segue.plugin.cli.demo.internal;

import java.util.SplittableRandom;

/**
 * Composes and synthesises one demo track: drums, bass, chords and a lead, arranged in 8- and
 * 16-bar phrases (intro, build, main, breakdown, drop, outro) so DJ styles find phrase-aligned
 * cue points. Plain additive and subtractive synthesis, deterministic from the track's seed.
 */
final class DemoSynth {

    static final int RATE = 44100;
    /** Bars per section: intro, build, main, breakdown, drop, outro. */
    static final int[] SECTIONS = {16, 8, 16, 8, 16, 16};
    /** Minor: i VI III VII; major: I V vi IV (scale degrees as semitones from the tonic, with triad quality). */
    private static final int[][] MINOR_PROGRESSION = {{0, 1}, {8, 0}, {3, 0}, {10, 0}};
    private static final int[][] MAJOR_PROGRESSION = {{0, 0}, {7, 0}, {9, 1}, {5, 0}};

    private final DemoTrack track;
    private final SplittableRandom random;
    private final double beat;
    private final float[] left;
    private final float[] right;
    /** One cycle of each harmonic mix, so a note costs a table lookup per sample instead of a sine per harmonic. */
    private final java.util.Map<Integer, float[]> wavetables = new java.util.HashMap<>();
    private static final int TABLE = 4096;

    DemoSynth(DemoTrack track) {
        this.track = track;
        this.random = new SplittableRandom(track.seed());
        this.beat = 60 / track.bpm();
        int bars = java.util.Arrays.stream(SECTIONS).sum();
        int frames = (int) Math.ceil((bars * 4 * beat + 2) * RATE);
        this.left = new float[frames];
        this.right = new float[frames];
    }

    /** The stereo audio. */
    float[][] render() {
        int bar = 0;
        for (int s = 0; s < SECTIONS.length; s++) {
            for (int b = 0; b < SECTIONS[s]; b++, bar++) {
                renderBar(bar, s, b);
            }
        }
        normalise(0.8f);
        return new float[][] {left, right};
    }

    private void renderBar(int bar, int section, int barInSection) {
        boolean downtempo = track.style().equals("downtempo");
        boolean drums = section != 3;
        boolean bass = section >= 1 && section <= 4 && section != 3;
        boolean chords = section >= 2 && section <= 4 || (downtempo && section >= 1);
        boolean lead = section == 4;
        int[] chord = (track.minor() ? MINOR_PROGRESSION : MAJOR_PROGRESSION)[bar % 4];
        int root = track.tonic() + chord[0];
        double t0 = 1.0 + bar * 4 * beat; // one second of silence before the music
        for (int q = 0; q < 4; q++) {
            double t = t0 + q * beat;
            if (drums) {
                if (!downtempo || q == 0 || q == 2) {
                    kick(t, downtempo ? 0.8 : 1.0);
                }
                if (q == 1 || q == 3) {
                    clap(t, track.style().equals("techno") ? 0.35 : 0.5);
                }
                hat(t + beat / 2, 0.22);
                if (track.style().equals("techno")) {
                    hat(t + beat / 4, 0.1);
                    hat(t + 3 * beat / 4, 0.1);
                }
            }
            if (bass) {
                double when = downtempo ? t : t + beat / 2; // house bass on the off-beat
                tone(when, beat * (downtempo ? 0.9 : 0.45), midi(36 + root % 12), 0.35, 6, 0.0, 0.0);
            }
            if (lead) {
                int[] arp = {0, chord[1] == 1 ? 3 : 4, 7, 12};
                for (int s = 0; s < 4; s++) {
                    tone(t + s * beat / 4, beat / 4 * 0.8, midi(72 + (root + arp[(q + s) % 4]) % 12), 0.08, 3, 0.3, 0.0);
                }
            }
        }
        if (chords) {
            int third = chord[1] == 1 ? 3 : 4;
            for (int n : new int[] {0, third, 7}) {
                double f = midi(60 + (root + n) % 12);
                tone(t0, 4 * beat * 0.95, f, 0.09, 4, -0.4, 0.004);
                tone(t0, 4 * beat * 0.95, f, 0.09, 4, 0.4, -0.004);
            }
        }
    }

    private static double midi(int note) {
        return 440 * Math.pow(2, (note - 69) / 12.0);
    }

    private void kick(double at, double level) {
        int start = (int) (at * RATE);
        double phase = 0;
        for (int i = 0; i < 0.3 * RATE && start + i < left.length; i++) {
            double t = i / (double) RATE;
            double f = 45 + 100 * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * f / RATE;
            double v = level * Math.exp(-t / 0.18) * Math.sin(phase);
            left[start + i] += (float) v;
            right[start + i] += (float) v;
        }
    }

    private void clap(double at, double level) {
        noiseBurst(at, level, 0.12, 0.6);
    }

    private void hat(double at, double level) {
        noiseBurst(at, level, 0.035, 0.95);
    }

    /** Noise through a one-pole high-pass ({@code brightness} near 1 = thinner) with an exponential decay. */
    private void noiseBurst(double at, double level, double decay, double brightness) {
        int start = (int) (at * RATE);
        double previous = 0;
        double out = 0;
        for (int i = 0; i < decay * 5 * RATE && start + i < left.length; i++) {
            double x = random.nextDouble() * 2 - 1;
            out = brightness * (out + x - previous);
            previous = x;
            double v = level * Math.exp(-i / (decay * RATE)) * out;
            left[start + i] += (float) (v * 0.9);
            right[start + i] += (float) (v * 1.1);
        }
    }

    /**
     * A tone of {@code harmonics} harmonics with a short attack and release, panned and detuned.
     *
     * @param pan -1 left .. 1 right
     * @param detune relative frequency offset
     */
    private void tone(double at, double length, double frequency, double level, int harmonics, double pan, double detune) {
        int start = (int) (at * RATE);
        int n = (int) (length * RATE);
        double f = frequency * (1 + detune);
        double gl = level * Math.sqrt((1 - pan) / 2);
        double gr = level * Math.sqrt((1 + pan) / 2);
        // Keep the partials below the Nyquist frequency with a margin.
        float[] table = wavetable(Math.max(1, Math.min(harmonics, (int) (RATE / 2.5 / f))));
        double phase = 0;
        double step = f * TABLE / RATE;
        for (int i = 0; i < n && start + i < left.length; i++) {
            double t = i / (double) RATE;
            double env = Math.min(1, t / 0.01) * Math.min(1, (length - t) / 0.05);
            int k = (int) phase;
            double frac = phase - k;
            double v = table[k] + frac * (table[(k + 1) & (TABLE - 1)] - table[k]);
            phase += step;
            if (phase >= TABLE) {
                phase -= TABLE;
            }
            left[start + i] += (float) (gl * env * v);
            right[start + i] += (float) (gr * env * v);
        }
    }

    private float[] wavetable(int harmonics) {
        return wavetables.computeIfAbsent(harmonics, h -> {
            float[] t = new float[TABLE];
            for (int i = 0; i < TABLE; i++) {
                double v = 0;
                for (int k = 1; k <= h; k++) {
                    v += Math.sin(2 * Math.PI * k * i / TABLE) / k;
                }
                t[i] = (float) v;
            }
            return t;
        });
    }

    private void normalise(float peak) {
        float max = 1e-9f;
        for (int i = 0; i < left.length; i++) {
            max = Math.max(max, Math.max(Math.abs(left[i]), Math.abs(right[i])));
        }
        float g = peak / max;
        for (int i = 0; i < left.length; i++) {
            left[i] *= g;
            right[i] *= g;
        }
    }
}
