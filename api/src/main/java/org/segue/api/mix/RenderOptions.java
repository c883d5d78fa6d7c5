package org.segue.api.mix;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to render a mix.
 *
 * @param output the audio file to write ({@code .wav} or {@code .flac}); the cue sheet, tracklist
 *     and timeline picture are written beside it with the same base name
 * @param sampleRate 44100 or 48000
 * @param targetLufs the integrated loudness every track is normalised to, e.g. -14
 * @param ceilingDbtp the true-peak ceiling of the master limiter, e.g. -1
 */
public record RenderOptions(Path output, int sampleRate, double targetLufs, double ceilingDbtp) {
    public RenderOptions {
        Objects.requireNonNull(output, "output");
        if (sampleRate != 44100 && sampleRate != 48000) {
            throw new IllegalArgumentException("sampleRate must be 44100 or 48000: " + sampleRate);
        }
        if (!(targetLufs >= -40 && targetLufs <= 0)) {
            throw new IllegalArgumentException("targetLufs must be within -40..0: " + targetLufs);
        }
        if (!(ceilingDbtp >= -12 && ceilingDbtp <= 0)) {
            throw new IllegalArgumentException("ceilingDbtp must be within -12..0: " + ceilingDbtp);
        }
    }

    /** 44.1 kHz, -14 LUFS, -1 dBTP. */
    public static RenderOptions to(Path output) {
        return new RenderOptions(output, 44100, -14, -1);
    }
}
