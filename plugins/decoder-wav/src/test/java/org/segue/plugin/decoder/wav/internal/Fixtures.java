package org.segue.plugin.decoder.wav.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV and AIFF files byte by byte, so tests control every header field. */
final class Fixtures {

    private Fixtures() {
    }

    /** A stereo-or-mono 440 Hz sine as 16-bit integers, interleaved, with a different phase per channel. */
    static int[] sine(int frames, int channels, int rate, int peak) {
        int[] s = new int[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                s[f * channels + c] = (int) Math.round(peak * Math.sin(2 * Math.PI * 440 * f / rate + c));
            }
        }
        return s;
    }

    /** Chunk: id, 32-bit size in the given order, body, pad byte. */
    static byte[] chunk(String id, byte[] body, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(order);
        b.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(body.length).put(body);
        return b.array();
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return b.array();
    }

    /** WAVE_FORMAT_EXTENSIBLE with a PCM (1) or float (3) sub-format. */
    static byte[] fmtExtensible(int subFormat, int channels, int rate, int bits, int validBits) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmt(0xfffe, channels, rate, bits)).putShort((short) 22).putShort((short) validBits).putInt(3)
                .putShort((short) subFormat)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xaa, 0, 0x38, (byte) 0x9b, 0x71});
        return b.array();
    }

    static byte[] riff(String form, byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(form.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        return chunk("RIFF", body.toByteArray(), ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] wav(byte[] fmt, byte[] data, byte[]... extra) {
        byte[][] chunks = new byte[extra.length + 2][];
        chunks[0] = chunk("fmt ", fmt, ByteOrder.LITTLE_ENDIAN);
        System.arraycopy(extra, 0, chunks, 1, extra.length);
        chunks[chunks.length - 1] = chunk("data", data, ByteOrder.LITTLE_ENDIAN);
        return riff("WAVE", chunks);
    }

    /** Integer samples (full-scale 16-bit values) stored in {@code bytes} bytes, little or big endian. */
    static byte[] pcm(int[] samples16, int bytes, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(samples16.length * bytes)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int s : samples16) {
            switch (bytes) {
                case 1: b.put((byte) (bigEndian ? s >> 8 : (s >> 8) + 128)); break;
                case 2: b.putShort((short) s); break;
                case 3: {
                    int v = s << 8;
                    if (bigEndian) {
                        b.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
                    } else {
                        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                    }
                    break;
                }
                default: b.putInt(s << 16);
            }
        }
        return b.array();
    }

    static byte[] floats(int[] samples16, boolean doubles, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(samples16.length * (doubles ? 8 : 4))
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int s : samples16) {
            if (doubles) {
                b.putDouble(s / 32768.0);
            } else {
                b.putFloat(s / 32768f);
            }
        }
        return b.array();
    }

    /** The value the decoder must produce for a 16-bit sample stored at {@code bytes} bytes. */
    static float expected(int s16, int bytes) {
        return bytes == 1 ? (s16 >> 8) / 128f : s16 / 32768f;
    }

    /** AIFF or AIFF-C; {@code compression} null for plain AIFF. */
    static byte[] aiff(String compression, int channels, int frames, int bits, double rate, byte[] data,
            byte[]... extra) {
        ByteBuffer comm = ByteBuffer.allocate(compression == null ? 18 : 24).order(ByteOrder.BIG_ENDIAN);
        comm.putShort((short) channels).putInt(frames).putShort((short) bits).put(extended(rate));
        if (compression != null) {
            comm.put(compression.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0).put((byte) 0);
        }
        ByteBuffer ssnd = ByteBuffer.allocate(8 + data.length).order(ByteOrder.BIG_ENDIAN);
        ssnd.putInt(0).putInt(0).put(data);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((compression == null ? "AIFF" : "AIFC").getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(chunk("COMM", comm.array(), ByteOrder.BIG_ENDIAN));
        for (byte[] c : extra) {
            body.writeBytes(c);
        }
        body.writeBytes(chunk("SSND", ssnd.array(), ByteOrder.BIG_ENDIAN));
        return chunk("FORM", body.toByteArray(), ByteOrder.BIG_ENDIAN);
    }

    /** An 80-bit extended float of a positive integer rate. */
    static byte[] extended(double rate) {
        long v = (long) rate;
        int exponent = 16383 + 63 - Long.numberOfLeadingZeros(v);
        long mantissa = v << Long.numberOfLeadingZeros(v);
        return ByteBuffer.allocate(10).putShort((short) exponent).putLong(mantissa).array();
    }

    /** An ID3v2.3 tag with the given text frames (id, value pairs), ISO-8859-1. */
    static byte[] id3(String... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i += 2) {
            byte[] text = frames[i + 1].getBytes(StandardCharsets.ISO_8859_1);
            ByteBuffer f = ByteBuffer.allocate(11 + text.length);
            f.put(frames[i].getBytes(StandardCharsets.ISO_8859_1)).putInt(text.length + 1).putShort((short) 0)
                    .put((byte) 0).put(text);
            body.writeBytes(f.array());
        }
        int size = body.size();
        ByteBuffer h = ByteBuffer.allocate(10 + size);
        h.put("ID3".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 3).put((byte) 0).put((byte) 0)
                .put((byte) (size >> 21 & 0x7f)).put((byte) (size >> 14 & 0x7f)).put((byte) (size >> 7 & 0x7f))
                .put((byte) (size & 0x7f)).put(body.toByteArray());
        return h.array();
    }

    static byte[] info(String... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("INFO".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pairs.length; i += 2) {
            byte[] text = (pairs[i + 1] + "\0").getBytes(StandardCharsets.UTF_8);
            body.writeBytes(chunk(pairs[i], text, ByteOrder.LITTLE_ENDIAN));
        }
        return chunk("LIST", body.toByteArray(), ByteOrder.LITTLE_ENDIAN);
    }
}
