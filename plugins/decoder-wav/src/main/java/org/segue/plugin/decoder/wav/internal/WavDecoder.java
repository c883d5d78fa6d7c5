package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.SegueDecoder;
import org.segue.api.audio.TrackTags;

/**
 * WAV, RF64 and BW64 files: 8/16/24/32-bit integer and 32/64-bit float PCM, plain or
 * WAVE_FORMAT_EXTENSIBLE. Tags come from {@code LIST/INFO} and {@code id3 } chunks. Stateless.
 */
@Component
@SegueDecoder(extensions = {"wav", "wave", "rf64", "bw64"},
        mimetypes = {"audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"})
public class WavDecoder implements AudioDecoder {

    @Override
    public boolean accepts(String fileName, byte[] header) {
        return header != null && WavParser.sniff(header, header.length);
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        return PcmFiles.open(file, WavParser::parse);
    }

    @Override
    public PcmSource open(InputStream stream, String nameHint) throws IOException {
        return PcmFiles.open(stream, nameHint, WavParser::parse);
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        return PcmFiles.readTags(file, WavParser::readTags);
    }
}
