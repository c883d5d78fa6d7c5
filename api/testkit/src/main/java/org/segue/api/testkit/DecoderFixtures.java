package org.segue.api.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;

/**
 * For decoder tests: synthesised integer PCM, WAV files written from it, fixtures in other formats
 * made by an installed ffmpeg (the test is skipped when there is none), reading a whole
 * {@link PcmSource}, and simple measures (RMS, frequency, correlation) to compare decoded audio.
 */
public final class DecoderFixtures {
    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    private DecoderFixtures() {
    }

    /** Interleaved integer samples of a 440 Hz sine (another phase per channel) at {@code bits}. */
    public static int[] sine(int frames, int channels, int rate, int bits) {
        double peak = 0.8 * ((1 << (bits - 1)) - 1);
        int[] s = new int[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                s[f * channels + c] = (int) Math.round(peak * Math.sin(2 * Math.PI * 440 * f / rate + c));
            }
        }
        return s;
    }

    public static Path wav(Path file, int[] samples, int channels, int rate, int bits) throws IOException {
        int bytes = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * bytes).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * bytes)
                .putShort((short) (channels * bytes)).putShort((short) bits).put("data".getBytes())
                .putInt(samples.length * bytes);
        for (int s : samples) {
            if (bytes == 2) {
                b.putShort((short) s);
            } else {
                b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
            }
        }
        return Files.write(file, b.array());
    }

    /** Runs ffmpeg on {@code in}; the test is skipped (not failed) when ffmpeg is not installed. */
    public static Path ffmpeg(Path in, Path out, String... options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed");
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-v", "error", "-y", "-i", in.toString()));
        command.addAll(Arrays.asList(options));
        command.add(out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ffmpeg hangs");
        assertEquals(0, p.exitValue(), output);
        return out;
    }

    /** Reads a whole source with an odd block size, so block edges fall everywhere. */
    public static float[][] readAll(PcmSource source) throws IOException {
        int channels = source.format().channels();
        float[][] all = new float[channels][1 << 16];
        float[][] block = new float[channels][1000];
        int total = 0;
        int n;
        while ((n = source.read(block, 3, 997)) > 0) {
            for (int c = 0; c < channels; c++) {
                if (all[c].length < total + n) {
                    all[c] = Arrays.copyOf(all[c], all[c].length * 2);
                }
                System.arraycopy(block[c], 3, all[c], total, n);
            }
            total += n;
        }
        assertEquals(-1, n);
        for (int c = 0; c < channels; c++) {
            all[c] = Arrays.copyOf(all[c], total);
        }
        return all;
    }

    /** Reads until {@code frames} frames or the end; sources may return fewer per call. */
    public static int readFully(PcmSource source, float[][] block, int frames) throws IOException {
        int total = 0;
        while (total < frames) {
            int n = source.read(block, total, frames - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Root mean square of {@code x[from..to)}. */
    public static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** The dominant frequency by counting upward zero crossings over {@code x[from..to)}. */
    public static double frequency(float[] x, int from, int to, int rate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) rate / (last - first);
    }

    /** Normalised correlation of two signals at lag 0 over {@code [from, to)}. */
    public static double correlation(float[] a, float[] b, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = from; i < to; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /**
     * Opens and drains a file that a decoder must reject, and returns the error: it must be an
     * {@link AudioDecodingException} whose message starts with the file's name, raised within
     * {@code limit} (a decoder that hangs on bad input fails the test instead of the build).
     */
    public static AudioDecodingException rejects(AudioDecoder decoder, Path file, Duration limit) {
        AudioDecodingException e = assertTimeoutPreemptively(limit,
                () -> assertThrows(AudioDecodingException.class, () -> {
                    try (PcmSource source = decoder.open(file)) {
                        float[][] block = new float[source.format().channels()][4096];
                        while (source.read(block, 0, 4096) >= 0) {
                            // drain
                        }
                    }
                }));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }
}
