package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;

/**
 * Parses RIFF/WAVE, RF64 and BW64 headers: {@code fmt } (PCM, IEEE float, WAVE_FORMAT_EXTENSIBLE),
 * {@code ds64} (64-bit sizes of files over 4 GB), {@code data}, and optionally the tags in
 * {@code LIST/INFO} and {@code id3 } chunks.
 *
 * <p>Every size is checked against sane limits and the file's real size before anything is
 * allocated or skipped. The one size that may exceed the file is the {@code data} chunk's: that is
 * a truncated file, which decodes up to where its data ends.
 */
final class WavParser {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xfffe;
    /** The 14 bytes after the format code in a KSDATAFORMAT_SUBTYPE GUID. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xaa, 0x00, 0x38, (byte) 0x9b, 0x71};
    private static final long UNKNOWN_SIZE = 0xffffffffL;

    private final ByteInput in;
    private final String source;

    private WavParser(ByteInput in, String source) {
        this.in = in;
        this.source = source;
    }

    static boolean sniff(byte[] h, int n) {
        if (n < 12 || !Chunks.id(h, 8).equals("WAVE")) {
            return false;
        }
        String riff = Chunks.id(h, 0);
        return riff.equals("RIFF") || riff.equals("RF64") || riff.equals("BW64");
    }

    /** Reads the headers and leaves {@code in} at the first frame. */
    static PcmLayout parse(ByteInput in, String source) throws IOException {
        return new WavParser(in, source).scan(null);
    }

    /** Reads every tag chunk of a file, before and after the data. */
    static void readTags(ByteInput in, String source, TagBuilder tags) throws IOException {
        new WavParser(in, source).scan(tags);
    }

    private PcmLayout scan(TagBuilder tags) throws IOException {
        byte[] h = new byte[12];
        int n = in.read(h, 0, 12);
        if (!sniff(h, n)) {
            throw new AudioDecodingException(source, "not a WAV file: " + Chunks.describe(h, n));
        }
        boolean rf64 = !Chunks.id(h, 0).equals("RIFF");
        long dataSize64 = -1;
        PcmLayout layout = null;
        AudioFormat format = null;
        SampleEncoding encoding = null;
        while (true) {
            int got = in.read(h, 0, 8);
            if (got < 8) {
                if (layout != null) {
                    return layout;
                }
                throw new AudioDecodingException(source, format == null ? "no 'fmt ' chunk before the end of the file"
                        : "no 'data' chunk before the end of the file");
            }
            String id = Chunks.id(h, 0);
            long size = SampleEncoding.le32(h, 4) & 0xffffffffL;
            if (!Chunks.plausibleId(h, 0)) {
                if (layout != null) {
                    return layout; // garbage after the audio: ignore it when looking for tags
                }
                throw new AudioDecodingException(source, "corrupt chunk header at byte " + (in.position() - 8));
            }
            switch (id) {
                case "ds64": {
                    if (!rf64 || size < 28) {
                        throw new AudioDecodingException(source, "unexpected 'ds64' chunk of " + size + " bytes");
                    }
                    byte[] b = Chunks.readBody(in, source, id, size);
                    dataSize64 = (SampleEncoding.le32(b, 8) & 0xffffffffL) | (long) SampleEncoding.le32(b, 12) << 32;
                    if (dataSize64 < 0) {
                        throw new AudioDecodingException(source, "'ds64' chunk claims a negative data size");
                    }
                    skipPad(size);
                    break;
                }
                case "fmt ": {
                    if (size < 16) {
                        throw new AudioDecodingException(source, "'fmt ' chunk too short: " + size + " bytes");
                    }
                    byte[] b = Chunks.readBody(in, source, id, size);
                    encoding = encoding(b);
                    format = format(b, encoding);
                    skipPad(size);
                    break;
                }
                case "data": {
                    if (layout != null) {
                        Chunks.skip(in, source, id, size); // a second data chunk (rare): only the first is audio
                        break;
                    }
                    if (format == null) {
                        throw new AudioDecodingException(source, "'data' chunk before the 'fmt ' chunk");
                    }
                    long bytes = size;
                    if (rf64 && size == UNKNOWN_SIZE) {
                        if (dataSize64 < 0) {
                            throw new AudioDecodingException(source, "RF64 file without a 'ds64' chunk");
                        }
                        bytes = dataSize64;
                    }
                    // 0xFFFFFFFF in a plain RIFF is the placeholder of writers that stream (pipes):
                    // the data runs to the end of the file.
                    long frames = !rf64 && size == UNKNOWN_SIZE ? -1 : bytes / (encoding.bytes * format.channels());
                    layout = new PcmLayout(format, encoding, in.position(), frames);
                    if (tags == null) {
                        return layout;
                    }
                    if (frames < 0 || bytes > in.remaining() || !in.seekable()) {
                        return layout; // nothing reliable after the data
                    }
                    in.skip(bytes + (bytes & 1));
                    break;
                }
                case "LIST":
                    if (tags != null && size >= 4 && size <= Chunks.MAX_META_CHUNK && size <= in.remaining()) {
                        readInfo(Chunks.readBody(in, source, id, size), tags);
                        skipPad(size);
                    } else {
                        skipChunk(layout, id, size);
                    }
                    break;
                case "id3 ":
                case "ID3 ":
                    if (tags != null && size <= Chunks.MAX_META_CHUNK && size <= in.remaining()) {
                        byte[] b = Chunks.readBody(in, source, id, size);
                        Id3v2Reader.read(b, b.length, tags);
                        skipPad(size);
                    } else {
                        skipChunk(layout, id, size);
                    }
                    break;
                default:
                    skipChunk(layout, id, size);
            }
        }
    }

    private void skipChunk(PcmLayout layout, String id, long size) throws IOException {
        if (layout != null && size > in.remaining()) {
            in.skip(size); // a broken chunk after the audio only ends the tag search
            return;
        }
        Chunks.skip(in, source, id, size);
    }

    private void skipPad(long size) throws IOException {
        if ((size & 1) != 0) {
            in.skip(1);
        }
    }

    private SampleEncoding encoding(byte[] b) throws AudioDecodingException {
        int tag = SampleEncoding.le16(b, 0);
        int bits = SampleEncoding.le16(b, 14);
        if (tag == FORMAT_EXTENSIBLE) {
            if (b.length < 40) {
                throw new AudioDecodingException(source, "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk too short: " + b.length);
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (b[26 + i] != GUID_TAIL[i]) {
                    throw new AudioDecodingException(source, "unsupported WAVE_FORMAT_EXTENSIBLE sub-format");
                }
            }
            tag = SampleEncoding.le16(b, 24);
        }
        if (tag == FORMAT_PCM) {
            SampleEncoding e = bits > 0 ? SampleEncoding.integer((bits + 7) / 8, false) : null;
            if (e == null) {
                throw new AudioDecodingException(source, "unsupported PCM sample size: " + bits + " bits");
            }
            return e;
        }
        if (tag == FORMAT_FLOAT) {
            if (bits == 32) {
                return SampleEncoding.F32LE;
            }
            if (bits == 64) {
                return SampleEncoding.F64LE;
            }
            throw new AudioDecodingException(source, "unsupported float sample size: " + bits + " bits");
        }
        throw new AudioDecodingException(source, String.format("unsupported WAV encoding 0x%04x (compressed: "
                + "ADPCM, mu-law...); the ffmpeg decoder can read it, or convert the file to PCM", tag));
    }

    private AudioFormat format(byte[] b, SampleEncoding encoding) throws AudioDecodingException {
        int channels = SampleEncoding.le16(b, 2);
        long rate = SampleEncoding.le32(b, 4) & 0xffffffffL;
        int blockAlign = SampleEncoding.le16(b, 12);
        if (channels < 1 || channels > AudioFormat.MAX_CHANNELS) {
            throw new AudioDecodingException(source, "'fmt ' chunk claims " + channels + " channels (1.."
                    + AudioFormat.MAX_CHANNELS + " supported)");
        }
        if (rate < 1 || rate > AudioFormat.MAX_SAMPLE_RATE) {
            throw new AudioDecodingException(source, "'fmt ' chunk claims a sample rate of " + rate + " Hz (1.."
                    + AudioFormat.MAX_SAMPLE_RATE + " supported)");
        }
        if (blockAlign != channels * encoding.bytes) {
            throw new AudioDecodingException(source, "'fmt ' chunk claims " + blockAlign + " bytes per frame, but "
                    + channels + " channels of " + encoding.bytes + " bytes need " + channels * encoding.bytes);
        }
        return new AudioFormat((int) rate, channels);
    }

    /** Reads a LIST chunk of type INFO: sub-chunks of NUL-terminated text. */
    private static void readInfo(byte[] b, TagBuilder tags) {
        if (!Chunks.id(b, 0).equals("INFO")) {
            return;
        }
        int p = 4;
        while (p + 8 <= b.length) {
            String id = Chunks.id(b, p);
            long size = SampleEncoding.le32(b, p + 4) & 0xffffffffL;
            p += 8;
            if (size > b.length - p) {
                return;
            }
            String value = Chunks.text(b, p, (int) size);
            tags.put(infoName(id), value);
            p += (int) (size + (size & 1));
        }
    }

    private static String infoName(String id) {
        switch (id) {
            case "INAM": return "title";
            case "IART": return "artist";
            case "IPRD": return "album";
            case "IGNR": return "genre";
            case "ICMT": return "comment";
            case "ICRD": return "date";
            case "ITRK": case "IPRT": return "track";
            case "IBPM": return "bpm";
            default: return id.strip();
        }
    }
}
