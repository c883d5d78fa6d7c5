package org.segue.plugin.server.http.internal.music;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.segue.api.testkit.Signal;

/** Writes synthesised signals as 16-bit WAV files with the JDK's writer, independent of the code under test. */
final class Wavs {

    private Wavs() {
    }

    static Path write(Signal s, Path file) throws IOException {
        int channels = s.audio().length;
        int frames = s.audio()[0].length;
        byte[] bytes = new byte[frames * channels * 2];
        for (int f = 0, i = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++, i += 2) {
                int v = (int) Math.max(-32768, Math.min(32767, Math.round(s.audio()[c][f] * 32768.0)));
                bytes[i] = (byte) v;
                bytes[i + 1] = (byte) (v >> 8);
            }
        }
        AudioFormat format = new AudioFormat(s.sampleRate(), 16, channels, true, false);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Silence of a length followed by a signal. */
    static Signal delayed(Signal s, double seconds) {
        int pad = (int) Math.round(seconds * s.sampleRate());
        float[][] out = new float[s.audio().length][pad + s.audio()[0].length];
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(s.audio()[c], 0, out[c], pad, s.audio()[c].length);
        }
        return new Signal(out, s.sampleRate(), new double[0], new double[0]);
    }
}
