package org.segue.plugin.decoder.mp3.internal;

/**
 * One MPEG audio frame header (ISO 11172-3 / 13818-3, and the MPEG 2.5 extension), parsed from its
 * four bytes. Used to find the first real frame, read the Xing/LAME/VBRI info frame and estimate
 * the length; JLayer decodes the frames themselves.
 *
 * @param version 10 for MPEG 1, 20 for MPEG 2, 25 for MPEG 2.5
 * @param layer 1..3
 * @param bitrate kbit/s
 * @param sampleRate Hz
 * @param channels 1 or 2
 * @param frameBytes the whole frame, header included
 * @param samplesPerFrame 384, 576 or 1152
 */
record MpegHeader(int version, int layer, int bitrate, int sampleRate, int channels, int frameBytes,
        int samplesPerFrame) {

    private static final int[][] BITRATES = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG 1, layer 1
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG 1, layer 2
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG 1, layer 3
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG 2/2.5, layer 1
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}, // MPEG 2/2.5, layers 2 and 3
    };
    private static final int[] RATES = {44100, 48000, 32000};

    /** The header at {@code b[p..p+4)}, or null when those bytes are not a valid (non-free-format) header. */
    static MpegHeader parse(byte[] b, int p) {
        int h = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
        if ((h & 0xffe00000) != 0xffe00000) {
            return null;
        }
        int versionBits = h >>> 19 & 3;
        int layerBits = h >>> 17 & 3;
        int bitrateIndex = h >>> 12 & 15;
        int rateIndex = h >>> 10 & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int version = versionBits == 3 ? 10 : versionBits == 2 ? 20 : 25;
        int layer = 4 - layerBits;
        int table = version == 10 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = BITRATES[table][bitrateIndex];
        int rate = RATES[rateIndex] / (version == 10 ? 1 : version == 20 ? 2 : 4);
        int padding = h >>> 9 & 1;
        int channels = (h >>> 6 & 3) == 3 ? 1 : 2;
        int bytes;
        int spf;
        if (layer == 1) {
            bytes = (12 * bitrate * 1000 / rate + padding) * 4;
            spf = 384;
        } else {
            spf = layer == 3 && version != 10 ? 576 : 1152;
            bytes = spf / 8 * bitrate * 1000 / rate + padding;
        }
        return new MpegHeader(version, layer, bitrate, rate, channels, bytes, spf);
    }

    /** Whether another frame belongs to the same stream (same version, layer and rate). */
    boolean sameStream(MpegHeader other) {
        return other != null && other.version == version && other.layer == layer && other.sampleRate == sampleRate;
    }

    /** Offset of the Xing/Info tag from the frame start: after the side information. */
    int xingOffset() {
        if (version == 10) {
            return channels == 1 ? 4 + 17 : 4 + 32;
        }
        return channels == 1 ? 4 + 9 : 4 + 17;
    }
}
