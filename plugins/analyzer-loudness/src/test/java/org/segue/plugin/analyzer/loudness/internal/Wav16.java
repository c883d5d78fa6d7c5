package org.segue.plugin.analyzer.loudness.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes 16-bit WAV files with the JDK, quantising the given samples in place so both meters see the same audio. */
final class Wav16 {

    private Wav16() {
    }

    static void write(Path file, float[][] audio, int sampleRate) throws IOException {
        int channels = audio.length;
        int frames = audio[0].length;
        byte[] bytes = new byte[frames * channels * 2];
        for (int f = 0, i = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, i += 2) {
                int v = (int) Math.round(Math.max(-1, Math.min(32767 / 32768.0, audio[c][f])) * 32768);
                audio[c][f] = v / 32768f;
                bytes[i] = (byte) v;
                bytes[i + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
