package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.AudioFormat;

/**
 * Parses AIFF and AIFF-C headers: {@code COMM} (big-endian PCM, {@code sowt} little-endian PCM,
 * {@code fl32}/{@code fl64} floats), {@code SSND}, and optionally the tags in {@code NAME},
 * {@code AUTH}, {@code ANNO} and {@code ID3 } chunks.
 *
 * <p>IFF allows any chunk order; a file whose {@code SSND} precedes {@code COMM} is read by seeking
 * back, which a stream cannot do.
 */
final class AiffParser {
    private final ByteInput in;
    private final String source;

    private AiffParser(ByteInput in, String source) {
        this.in = in;
        this.source = source;
    }

    static boolean sniff(byte[] h, int n) {
        if (n < 12 || !Chunks.id(h, 0).equals("FORM")) {
            return false;
        }
        String type = Chunks.id(h, 8);
        return type.equals("AIFF") || type.equals("AIFC");
    }

    /** Reads the headers and leaves {@code in} at the first frame. */
    static PcmLayout parse(ByteInput in, String source) throws IOException {
        return new AiffParser(in, source).scan(null);
    }

    /** Reads every tag chunk of a file. */
    static void readTags(ByteInput in, String source, TagBuilder tags) throws IOException {
        new AiffParser(in, source).scan(tags);
    }

    private PcmLayout scan(TagBuilder tags) throws IOException {
        byte[] h = new byte[12];
        int n = in.read(h, 0, 12);
        if (!sniff(h, n)) {
            throw new AudioDecodingException(source, "not an AIFF file: " + Chunks.describe(h, n));
        }
        boolean aifc = Chunks.id(h, 8).equals("AIFC");
        AudioFormat format = null;
        SampleEncoding encoding = null;
        long frames = -1;
        long ssndData = -1;
        long ssndBytes = -1;
        while (true) {
            int got = in.read(h, 0, 8);
            if (got < 8 || !Chunks.plausibleId(h, 0)) {
                break;
            }
            String id = Chunks.id(h, 0);
            long size = SampleEncoding.be32(h, 4) & 0xffffffffL;
            if (id.equals("COMM")) {
                if (size < 18 || aifc && size < 22) {
                    throw new AudioDecodingException(source, "'COMM' chunk too short: " + size + " bytes");
                }
                byte[] b = Chunks.readBody(in, source, id, size);
                skipPad(size);
                int channels = (short) SampleEncoding.be16(b, 0);
                frames = SampleEncoding.be32(b, 2) & 0xffffffffL;
                int bits = (short) SampleEncoding.be16(b, 6);
                double rate = extended(b, 8);
                String compression = aifc ? Chunks.id(b, 18) : "NONE";
                encoding = encoding(compression, bits);
                format = format(channels, rate);
            } else if (id.equals("SSND")) {
                if (size < 8) {
                    throw new AudioDecodingException(source, "'SSND' chunk too short: " + size + " bytes");
                }
                in.read(h, 0, 8);
                long offset = SampleEncoding.be32(h, 0) & 0xffffffffL;
                if (offset > Math.min(size - 8, in.remaining())) {
                    throw new AudioDecodingException(source, "'SSND' chunk claims a data offset of " + offset);
                }
                in.skip(offset);
                ssndData = in.position();
                ssndBytes = size - 8 - offset;
                if (tags == null && format != null) {
                    break; // the usual order: COMM, then SSND. Stop at the samples.
                }
                if (!in.seekable()) {
                    throw new AudioDecodingException(source, "'SSND' chunk before 'COMM': cannot stream this file");
                }
                if (ssndBytes > in.remaining()) {
                    break; // truncated data runs to the end: nothing follows
                }
                in.skip(ssndBytes + (size & 1));
            } else if (tags != null && isTextChunk(id) && size <= Chunks.MAX_META_CHUNK && size <= in.remaining()) {
                byte[] b = Chunks.readBody(in, source, id, size);
                skipPad(size);
                if (id.startsWith("ID3") || id.startsWith("id3")) {
                    Id3v2Reader.read(b, b.length, tags);
                } else {
                    tags.put(textName(id), Chunks.text(b, 0, b.length));
                }
            } else {
                if (ssndData >= 0 && size > in.remaining()) {
                    break; // a broken chunk after the audio only ends the search
                }
                Chunks.skip(in, source, id, size);
            }
        }
        if (format == null) {
            throw new AudioDecodingException(source, "no 'COMM' chunk before the end of the file");
        }
        if (ssndData < 0) {
            if (frames == 0) {
                ssndData = in.position(); // an empty file may have no SSND
            } else {
                throw new AudioDecodingException(source, "no 'SSND' chunk before the end of the file");
            }
        }
        if (tags == null && in.position() != ssndData) {
            in.seek(ssndData);
        }
        long bytesPerFrame = (long) encoding.bytes * format.channels();
        long available = in.size() < 0 ? Long.MAX_VALUE : in.size() - ssndData;
        if (ssndBytes >= 0 && ssndBytes <= available) {
            // The SSND chunk lies wholly inside the file: it bounds the frames, whatever COMM says.
            frames = Math.min(frames, ssndBytes / bytesPerFrame);
        }
        return new PcmLayout(format, encoding, ssndData, frames);
    }

    private void skipPad(long size) throws IOException {
        if ((size & 1) != 0) {
            in.skip(1);
        }
    }

    private static boolean isTextChunk(String id) {
        return id.equals("NAME") || id.equals("AUTH") || id.equals("ANNO") || id.equals("(c) ")
                || id.equals("ID3 ") || id.equals("id3 ");
    }

    private static String textName(String id) {
        switch (id) {
            case "NAME": return "title";
            case "AUTH": return "artist";
            case "ANNO": return "comment";
            default: return "copyright";
        }
    }

    private SampleEncoding encoding(String compression, int bits) throws AudioDecodingException {
        switch (compression) {
            case "NONE":
            case "twos":
            case "sowt": {
                SampleEncoding e = bits >= 1 && bits <= 32
                        ? SampleEncoding.integer((bits + 7) / 8, !compression.equals("sowt")) : null;
                if (e == null) {
                    throw new AudioDecodingException(source, "unsupported AIFF sample size: " + bits + " bits");
                }
                // sowt 8-bit is signed too, unlike WAV's unsigned bytes.
                return e == SampleEncoding.U8 ? SampleEncoding.S8 : e;
            }
            case "fl32":
            case "FL32":
                return SampleEncoding.F32BE;
            case "fl64":
            case "FL64":
                return SampleEncoding.F64BE;
            default:
                throw new AudioDecodingException(source, "unsupported AIFF-C compression '" + compression.strip()
                        + "'; the ffmpeg decoder can read it, or convert the file to PCM");
        }
    }

    private AudioFormat format(int channels, double rate) throws AudioDecodingException {
        if (channels < 1 || channels > AudioFormat.MAX_CHANNELS) {
            throw new AudioDecodingException(source, "'COMM' chunk claims " + channels + " channels (1.."
                    + AudioFormat.MAX_CHANNELS + " supported)");
        }
        if (!(rate >= 1 && rate <= AudioFormat.MAX_SAMPLE_RATE)) {
            throw new AudioDecodingException(source, "'COMM' chunk claims a sample rate of " + rate + " Hz (1.."
                    + AudioFormat.MAX_SAMPLE_RATE + " supported)");
        }
        return new AudioFormat((int) Math.round(rate), channels);
    }

    /** An IEEE 754 80-bit extended float (big-endian), as AIFF stores its sample rate. */
    static double extended(byte[] b, int p) {
        int exponent = ((b[p] & 0x7f) << 8) | (b[p + 1] & 0xff);
        long mantissa = 0;
        for (int i = 0; i < 8; i++) {
            mantissa = mantissa << 8 | (b[p + 2 + i] & 0xff);
        }
        if (exponent == 0 && mantissa == 0) {
            return 0;
        }
        if (exponent == 0x7fff) {
            return Double.NaN;
        }
        // The mantissa has an explicit integer bit at 63: keep its top 53 bits.
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (b[p] & 0x80) != 0 ? -value : value;
    }
}
