package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

/** A real 16-bit WAV decoder on the JDK's reader, so the engine is tested without the decoder plugins. */
final class JdkWavDecoder implements AudioDecoder {

    @Override
    public boolean accepts(String fileName, byte[] header) {
        return header.length >= 12 && header[0] == 'R' && header[1] == 'I' && header[8] == 'W' && header[9] == 'A';
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioDecodingException(file.toString(), "not a WAV file", e);
        }
        int channels = in.getFormat().getChannels();
        AudioFormat format = new AudioFormat(Math.round(in.getFormat().getSampleRate()), channels);
        return new PcmSource() {
            private byte[] bytes = new byte[0];

            @Override
            public AudioFormat format() {
                return format;
            }

            @Override
            public long frameLength() {
                return in.getFrameLength();
            }

            @Override
            public int read(float[][] destination, int offset, int maxFrames) throws IOException {
                if (bytes.length < maxFrames * channels * 2) {
                    bytes = new byte[maxFrames * channels * 2];
                }
                int n = in.readNBytes(bytes, 0, maxFrames * channels * 2);
                if (n <= 0) {
                    return -1;
                }
                int frames = n / (2 * channels);
                for (int f = 0, i = 0; f < frames; f++) {
                    for (int c = 0; c < channels; c++, i += 2) {
                        destination[c][offset + f] = (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8)) / 32768f;
                    }
                }
                return frames;
            }

            @Override
            public boolean seekable() {
                return false;
            }

            @Override
            public void seek(long frame) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public PcmSource open(InputStream stream, String nameHint) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrackTags readTags(Path file) {
        return TrackTags.empty();
    }
}
