package org.segue.api.testkit;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads a whole WAV or AIFF file into memory with the JDK's own reader, for tests and evaluation
 * harnesses that feed files to an analyzer (Segue itself streams through its decoders).
 */
public final class AudioFiles {

    private AudioFiles() {
    }

    /** The file's samples, planar, as floats in [-1, 1]; the truth arrays are empty. */
    public static Signal read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat source = in.getFormat();
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), 16,
                    source.getChannels(), 2 * source.getChannels(), source.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(pcm16, in)) {
                byte[] bytes = pcm.readAllBytes();
                int channels = source.getChannels();
                int frames = bytes.length / (2 * channels);
                float[][] audio = new float[channels][frames];
                for (int f = 0, i = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++, i += 2) {
                        audio[c][f] = (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8)) / 32768f;
                    }
                }
                return new Signal(audio, Math.round(source.getSampleRate()), new double[0], new double[0]);
            }
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + ": not a WAV or AIFF file the JDK can read", e);
        }
    }
}
