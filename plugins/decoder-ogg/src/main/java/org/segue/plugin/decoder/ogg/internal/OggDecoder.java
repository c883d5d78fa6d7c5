package org.segue.plugin.decoder.ogg.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
 * Ogg Vorbis through JOgg/JOrbis directly (not the javax.sound SPI, whose ServiceLoader lookup does
 * not see bundles). Tags from the Vorbis comment header. Ogg Opus and Ogg FLAC are left to the
 * ffmpeg decoder. Stateless.
 */
@Component
@SegueDecoder(extensions = {"ogg", "oga"}, mimetypes = {"audio/ogg", "audio/vorbis", "application/ogg"})
public class OggDecoder implements AudioDecoder {
    /** How much of the file's end is searched for the last page. */
    private static final int TAIL_BYTES = 128 * 1024;

    @Override
    public boolean accepts(String fileName, byte[] header) {
        // The first page holds the identification packet: "OggS", 27 + segments bytes of page
        // header, then 0x01 "vorbis". With one segment it starts at byte 28.
        if (header == null || header.length < 35 || header[0] != 'O' || header[1] != 'g' || header[2] != 'g'
                || header[3] != 'S') {
            return false;
        }
        int at = 27 + (header[26] & 0xff);
        return at + 7 <= header.length && header[at] == 1 && header[at + 1] == 'v' && header[at + 2] == 'o'
                && header[at + 3] == 'r' && header[at + 4] == 'b' && header[at + 5] == 'i' && header[at + 6] == 's';
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            OggSource pcm = new OggSource(source, channel, null);
            pcm.start();
            pcm.setLength(lastGranule(channel, pcm.serial()));
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
            OggSource pcm = new OggSource(source, null, new BufferedInputStream(stream, 16 * 1024));
            pcm.start();
            return pcm;
        } catch (IOException | RuntimeException e) {
            throw wrap(source, e);
        }
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        try (PcmSource pcm = open(file)) {
            return ((OggSource) pcm).tags();
        }
    }

    /**
     * The granule position of the last page of stream {@code serial}: the stream's length in
     * samples, or -1 when the file's tail has none (a truncated file).
     */
    static long lastGranule(FileChannel channel, int serial) throws IOException {
        long size = channel.size();
        int n = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(n);
        while (tail.hasRemaining() && channel.read(tail, size - n + tail.position()) > 0) {
            // fill
        }
        byte[] b = tail.array();
        for (int p = tail.position() - 27; p >= 0; p--) {
            if (b[p] == 'O' && b[p + 1] == 'g' && b[p + 2] == 'g' && b[p + 3] == 'S' && b[p + 4] == 0
                    && le(b, p + 14, 4) == (serial & 0xffffffffL)) {
                long granule = le(b, p + 6, 8);
                if (granule >= 0) {
                    return granule;
                }
            }
        }
        return -1;
    }

    private static long le(byte[] b, int p, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[p + i] & 0xff);
        }
        return v;
    }

    private static IOException wrap(String source, Exception e) {
        return e instanceof IOException ? (IOException) e
                : new AudioDecodingException(source, "corrupt Ogg data: " + e, e);
    }
}
