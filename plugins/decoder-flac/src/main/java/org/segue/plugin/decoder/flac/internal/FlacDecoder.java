package org.segue.plugin.decoder.flac.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.osgi.service.component.annotations.Component;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.SegueDecoder;
import org.segue.api.audio.TrackTags;

/**
 * FLAC files through jflac, frame by frame; tags from the VORBIS_COMMENT block. Stateless.
 */
@Component
@SegueDecoder(extensions = "flac", mimetypes = {"audio/flac", "audio/x-flac"})
public class FlacDecoder implements AudioDecoder {

    @Override
    public boolean accepts(String fileName, byte[] header) {
        return FlacHeaders.sniff(header);
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            // Unbuffered on purpose: the channel must sit exactly at the first frame afterwards.
            FlacHeaders headers = FlacHeaders.read(Channels.newInputStream(channel), channel.size(), source);
            FlacSource pcm = new FlacSource(source, headers, channel, null);
            pcm.start(0, 0);
            return pcm;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw wrap(source, e);
        }
    }

    @Override
    public PcmSource open(InputStream stream, String nameHint) throws IOException {
        String source = nameHint == null ? "stream" : nameHint;
        try {
            InputStream in = new BufferedInputStream(stream, 64 * 1024);
            FlacSource pcm = new FlacSource(source, FlacHeaders.read(in, -1, source), null, in);
            pcm.start(0, 0);
            return pcm;
        } catch (IOException | RuntimeException e) {
            throw wrap(source, e);
        }
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 16 * 1024);
            return FlacHeaders.read(in, channel.size(), source, true).tags();
        } catch (RuntimeException e) {
            throw wrap(source, e);
        }
    }

    private static IOException wrap(String source, Exception e) {
        return e instanceof IOException ? (IOException) e
                : new AudioDecodingException(source, "corrupt FLAC headers: " + e, e);
    }
}
