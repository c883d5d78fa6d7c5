package org.segue.plugin.decoder.wav.internal;

/**
 * How one sample is stored, and the conversion of interleaved frames to planar floats.
 *
 * <p>Each constant has its own tight loop (one switch per block, none per sample): this is the
 * whole cost of decoding PCM, and it keeps WAV decoding thousands of times faster than real time.
 */
enum SampleEncoding {
    /** Unsigned 8-bit (WAV). */
    U8(1),
    /** Signed 8-bit (AIFF). */
    S8(1),
    S16LE(2), S16BE(2), S24LE(3), S24BE(3), S32LE(4), S32BE(4),
    F32LE(4), F32BE(4), F64LE(8), F64BE(8);

    private static final float SCALE8 = 1f / 128;
    private static final float SCALE16 = 1f / 32768;
    private static final float SCALE24 = 1f / 8388608;
    private static final double SCALE32 = 1.0 / 2147483648.0;

    final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    /** Signed integer PCM of {@code bytes} bytes per sample. */
    static SampleEncoding integer(int bytes, boolean bigEndian) {
        switch (bytes) {
            case 1: return bigEndian ? S8 : U8;
            case 2: return bigEndian ? S16BE : S16LE;
            case 3: return bigEndian ? S24BE : S24LE;
            case 4: return bigEndian ? S32BE : S32LE;
            default: return null;
        }
    }

    /**
     * Converts {@code frames} interleaved frames of {@code channels} channels from
     * {@code src[0..]} into {@code dst[c][offset..]}.
     */
    void decode(byte[] src, int frames, int channels, float[][] dst, int offset) {
        // Channel by channel: each inner loop writes one array contiguously and is small enough
        // for the JIT to unroll, which a loop over interleaved samples with a channel counter is not.
        int stride = bytes * channels;
        for (int c = 0; c < channels; c++) {
            float[] d = dst[c];
            int p = c * bytes;
            int end = offset + frames;
            switch (this) {
                case U8: u8(src, p, stride, d, offset, end); break;
                case S8: s8(src, p, stride, d, offset, end); break;
                case S16LE: s16le(src, p, stride, d, offset, end); break;
                case S16BE: s16be(src, p, stride, d, offset, end); break;
                case S24LE: s24le(src, p, stride, d, offset, end); break;
                case S24BE: s24be(src, p, stride, d, offset, end); break;
                case S32LE: s32le(src, p, stride, d, offset, end); break;
                case S32BE: s32be(src, p, stride, d, offset, end); break;
                case F32LE: f32le(src, p, stride, d, offset, end); break;
                case F32BE: f32be(src, p, stride, d, offset, end); break;
                case F64LE: f64le(src, p, stride, d, offset, end); break;
                case F64BE: f64be(src, p, stride, d, offset, end); break;
                default: throw new AssertionError(this);
            }
        }
    }

    private static void u8(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = ((s[p] & 0xff) - 128) * SCALE8;
        }
    }

    private static void s8(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = s[p] * SCALE8;
        }
    }

    private static void s16le(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (short) ((s[p] & 0xff) | (s[p + 1] << 8)) * SCALE16;
        }
    }

    private static void s16be(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (short) ((s[p] << 8) | (s[p + 1] & 0xff)) * SCALE16;
        }
    }

    private static void s24le(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = ((s[p] & 0xff) | (s[p + 1] & 0xff) << 8 | s[p + 2] << 16) * SCALE24;
        }
    }

    private static void s24be(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (s[p] << 16 | (s[p + 1] & 0xff) << 8 | (s[p + 2] & 0xff)) * SCALE24;
        }
    }

    private static void s32le(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (float) (le32(s, p) * SCALE32);
        }
    }

    private static void s32be(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (float) (be32(s, p) * SCALE32);
        }
    }

    private static void f32le(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = Float.intBitsToFloat(le32(s, p));
        }
    }

    private static void f32be(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = Float.intBitsToFloat(be32(s, p));
        }
    }

    private static void f64le(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (float) Double.longBitsToDouble((le32(s, p) & 0xffffffffL) | (long) le32(s, p + 4) << 32);
        }
    }

    private static void f64be(byte[] s, int p, int stride, float[] d, int i, int end) {
        for (; i < end; i++, p += stride) {
            d[i] = (float) Double.longBitsToDouble((long) be32(s, p) << 32 | (be32(s, p + 4) & 0xffffffffL));
        }
    }

    static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | b[p + 3] << 24;
    }

    static int be32(byte[] b, int p) {
        return b[p] << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }

    static int le16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    static int be16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }
}
