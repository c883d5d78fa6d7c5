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
 * AIFF and AIFF-C files: big-endian integer PCM, {@code sowt} little-endian PCM and
 * {@code fl32}/{@code fl64} floats. Tags come from {@code NAME}/{@code AUTH} and {@code ID3 } chunks.
 * Stateless.
 */
@Component
@SegueDecoder(extensions = {"aif", "aiff", "aifc"},
        mimetypes = {"audio/aiff", "audio/x-aiff"})
public class AiffDecoder implements AudioDecoder {

    @Override
    public boolean accepts(String fileName, byte[] header) {
        return header != null && AiffParser.sniff(header, header.length);
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        return PcmFiles.open(file, AiffParser::parse);
    }

    @Override
    public PcmSource open(InputStream stream, String nameHint) throws IOException {
        return PcmFiles.open(stream, nameHint, AiffParser::parse);
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        return PcmFiles.readTags(file, AiffParser::readTags);
    }
}
