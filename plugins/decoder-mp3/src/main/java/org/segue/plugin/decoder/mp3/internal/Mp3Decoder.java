package org.segue.plugin.decoder.mp3.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.Tag;
import org.osgi.service.component.annotations.Component;
import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.SegueDecoder;
import org.segue.api.audio.TrackTags;

/**
 * MP3 (and MPEG layer 1/2) through JLayer's {@code Bitstream}/{@code Decoder} directly; its
 * javax.sound SPI is not used, since ServiceLoader lookups do not see bundles. Tags through
 * jaudiotagger. Stateless.
 */
@Component
@SegueDecoder(extensions = {"mp3", "mp2", "mpga"}, mimetypes = {"audio/mpeg", "audio/mp3"})
public class Mp3Decoder implements AudioDecoder {

    @Override
    public boolean accepts(String fileName, byte[] header) {
        if (header == null || header.length < 4) {
            return false;
        }
        if (Mp3Headers.isId3(header, header.length)) {
            // ID3v2 also fronts some FLAC and AAC files; the name breaks the tie.
            String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
            return !(name.endsWith(".flac") || name.endsWith(".aac") || name.endsWith(".m4a"));
        }
        return MpegHeader.parse(header, 0) != null;
    }

    @Override
    public PcmSource open(Path file) throws IOException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            Mp3Headers headers = Mp3Headers.read(new BufferedInputStream(Channels.newInputStream(channel), 16384),
                    size, source);
            Mp3Source pcm = new Mp3Source(source, headers, channel, null, audioEnd(channel, size));
            pcm.startAtZero();
            return pcm;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw wrap(source, e);
        }
    }

    /** The file size less a trailing ID3v1 tag ("TAG" + 125 bytes). */
    private static long audioEnd(FileChannel channel, long size) throws IOException {
        if (size < 128) {
            return size;
        }
        ByteBuffer tag = ByteBuffer.allocate(3);
        channel.read(tag, size - 128);
        byte[] b = tag.array();
        return b[0] == 'T' && b[1] == 'A' && b[2] == 'G' ? size - 128 : size;
    }

    @Override
    public PcmSource open(InputStream stream, String nameHint) throws IOException {
        String source = nameHint == null ? "stream" : nameHint;
        try {
            Mp3Headers headers = Mp3Headers.read(stream, -1, source);
            Mp3Source pcm = new Mp3Source(source, headers, null, stream, -1);
            pcm.startAtZero();
            return pcm;
        } catch (IOException | RuntimeException e) {
            throw wrap(source, e);
        }
    }

    @Override
    public TrackTags readTags(Path file) throws IOException {
        try {
            MP3File mp3 = new MP3File(file.toFile(), MP3File.LOAD_IDV1TAG | MP3File.LOAD_IDV2TAG, true);
            Tag tag = mp3.hasID3v2Tag() ? mp3.getID3v2Tag() : mp3.getID3v1Tag();
            return TagMapper.map(tag);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (Exception e) {
            // jaudiotagger's TagException, CannotReadException, InvalidAudioFrameException and its
            // unchecked failures on damaged tags all mean the same to the caller.
            throw new AudioDecodingException(file.toString(), "cannot read the MP3 tags: " + e.getMessage(), e);
        }
    }

    private static IOException wrap(String source, Exception e) {
        return e instanceof IOException ? (IOException) e
                : new AudioDecodingException(source, "corrupt MP3 headers: " + e, e);
    }
}
