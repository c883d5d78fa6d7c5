package org.segue.api.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Signal generators whose truth is exact: tones at known frequency and level, click tracks at a
 * known tempo (constant, stepped or ramped), chords of known notes, seeded noise.
 */
public final class Signals {

    private Signals() {
    }

    /** A sine of {@code frequency} Hz at peak {@code amplitude} (1.0 = full scale), mono. */
    public static Signal sine(int sampleRate, double seconds, double frequency, double amplitude) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] x = new float[n];
        double w = 2 * Math.PI * frequency / sampleRate;
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(w * i));
        }
        return new Signal(new float[][] {x}, sampleRate, new double[0], new double[0]);
    }

    /** Uniform white noise in [-amplitude, amplitude], reproducible from {@code seed}. */
    public static Signal noise(int sampleRate, double seconds, double amplitude, long seed) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] x = new float[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return new Signal(new float[][] {x}, sampleRate, new double[0], new double[0]);
    }

    /** A click track at a constant tempo; the first beat at {@code firstBeat} seconds is a downbeat. */
    public static Signal clicks(int sampleRate, double seconds, double bpm, int beatsPerBar, double firstBeat) {
        return clickRamp(sampleRate, seconds, bpm, bpm, 0, seconds, beatsPerBar, firstBeat);
    }

    /**
     * A click track whose tempo goes linearly from {@code startBpm} to {@code endBpm} between
     * {@code rampStart} and {@code rampEnd} seconds (a DJ's pitch glide); {@code rampStart == rampEnd}
     * makes a step. Downbeat clicks are higher and louder, as a bar's first beat usually is.
     */
    public static Signal clickRamp(int sampleRate, double seconds, double startBpm, double endBpm,
            double rampStart, double rampEnd, int beatsPerBar, double firstBeat) {
        List<Double> beats = new ArrayList<>();
        double t = firstBeat;
        while (t < seconds - 0.05) {
            beats.add(t);
            double bpm;
            if (t < rampStart) {
                bpm = startBpm;
            } else if (t >= rampEnd) {
                bpm = endBpm;
            } else {
                bpm = startBpm + (endBpm - startBpm) * (t - rampStart) / (rampEnd - rampStart);
            }
            t += 60.0 / bpm;
        }
        int n = (int) Math.round(seconds * sampleRate);
        float[] x = new float[n];
        double[] beatTimes = new double[beats.size()];
        List<Double> downbeats = new ArrayList<>();
        for (int b = 0; b < beats.size(); b++) {
            beatTimes[b] = beats.get(b);
            boolean down = b % beatsPerBar == 0;
            if (down) {
                downbeats.add(beatTimes[b]);
            }
            addClick(x, sampleRate, beatTimes[b], down ? 1760 : 880, down ? 0.9 : 0.5);
        }
        return new Signal(new float[][] {x}, sampleRate, beatTimes,
                downbeats.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void addClick(float[] x, int sampleRate, double at, double frequency, double amplitude) {
        int start = (int) Math.round(at * sampleRate);
        int length = (int) (0.03 * sampleRate);
        double w = 2 * Math.PI * frequency / sampleRate;
        double decay = 1.0 / (0.006 * sampleRate);
        for (int i = 0; i < length && start + i < x.length; i++) {
            x[start + i] += (float) (amplitude * Math.exp(-i * decay) * Math.sin(w * i));
        }
    }

    /**
     * Notes held together (MIDI note numbers, 69 = A4 = 440 Hz), each a tone with decaying
     * harmonics like a piano or organ, normalised to peak {@code amplitude}.
     */
    public static Signal chord(int sampleRate, double seconds, double amplitude, int... midiNotes) {
        int n = (int) Math.round(seconds * sampleRate);
        float[] x = new float[n];
        addNotes(x, sampleRate, 0, n, midiNotes);
        normalise(x, amplitude);
        return new Signal(new float[][] {x}, sampleRate, new double[0], new double[0]);
    }

    /** Chords one after another, each {@code secondsEach} long. */
    public static Signal chords(int sampleRate, double secondsEach, double amplitude, int[]... chords) {
        int each = (int) Math.round(secondsEach * sampleRate);
        float[] x = new float[each * chords.length];
        for (int c = 0; c < chords.length; c++) {
            addNotes(x, sampleRate, c * each, each, chords[c]);
        }
        normalise(x, amplitude);
        return new Signal(new float[][] {x}, sampleRate, new double[0], new double[0]);
    }

    private static void addNotes(float[] x, int sampleRate, int from, int length, int... midiNotes) {
        double[] harmonicLevels = {1.0, 0.5, 0.33, 0.25, 0.2, 0.16};
        for (int note : midiNotes) {
            double f0 = 440 * Math.pow(2, (note - 69) / 12.0);
            for (int h = 0; h < harmonicLevels.length; h++) {
                double f = f0 * (h + 1);
                if (f >= sampleRate / 2.0) {
                    break;
                }
                double w = 2 * Math.PI * f / sampleRate;
                for (int i = 0; i < length; i++) {
                    // A short fade in and out keeps chord boundaries free of clicks.
                    double env = Math.min(1, Math.min(i, length - 1 - i) / (0.01 * sampleRate));
                    x[from + i] += (float) (harmonicLevels[h] * env * Math.sin(w * i));
                }
            }
        }
    }

    private static void normalise(float[] x, double amplitude) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            float g = (float) (amplitude / peak);
            for (int i = 0; i < x.length; i++) {
                x[i] *= g;
            }
        }
    }

    /** Adds {@code b} into {@code a}, sample by sample (mono signals of the same rate). */
    public static Signal mix(Signal a, Signal b) {
        int n = Math.max(a.audio()[0].length, b.audio()[0].length);
        float[] x = new float[n];
        for (int i = 0; i < a.audio()[0].length; i++) {
            x[i] += a.audio()[0][i];
        }
        for (int i = 0; i < b.audio()[0].length; i++) {
            x[i] += b.audio()[0][i];
        }
        double[] beats = a.beats().length > 0 ? a.beats() : b.beats();
        double[] downbeats = a.beats().length > 0 ? a.downbeats() : b.downbeats();
        return new Signal(new float[][] {x}, a.sampleRate(), beats, downbeats);
    }
}
