package org.segue.plugin.mix.engine.internal;

/**
 * Encodes one stereo FLAC frame (RFC 9639 §9): header with the UTF-8-style frame number and CRC-8,
 * two subframes, CRC-16 footer. Per frame it tries independent, left/side, right/side and mid/side
 * channels and keeps the smallest. Fixed-blocksize streams only. Reusable; not thread-safe.
 */
final class FlacFrameEncoder {

    private static final int INDEPENDENT = 0b0001;
    private static final int LEFT_SIDE = 0b1000;
    private static final int RIGHT_SIDE = 0b1001;
    private static final int MID_SIDE = 0b1010;

    private final int blockSize;
    private final int sampleRate;
    private final int bps;
    private final int[] side;
    private final int[] mid;
    private final FlacSubframe left;
    private final FlacSubframe right;
    private final FlacSubframe sideFrame;
    private final FlacSubframe midFrame;
    /** Frames written per channel assignment code (statistics for tests and tuning). */
    final long[] assignments = new long[16];

    FlacFrameEncoder(int blockSize, int sampleRate, int bitsPerSample) {
        if (bitsPerSample != 24 && bitsPerSample != 16) {
            throw new IllegalArgumentException("only 16- and 24-bit FLAC are written, not " + bitsPerSample);
        }
        this.blockSize = blockSize;
        this.sampleRate = sampleRate;
        this.bps = bitsPerSample;
        side = new int[blockSize];
        mid = new int[blockSize];
        left = new FlacSubframe(blockSize);
        right = new FlacSubframe(blockSize);
        sideFrame = new FlacSubframe(blockSize);
        midFrame = new FlacSubframe(blockSize);
    }

    /**
     * Appends frame {@code frameNumber}, holding samples {@code l[0..n)} and {@code r[0..n)}
     * (n ≤ the block size; only the last frame may be shorter), to {@code out}, which must be byte-aligned.
     */
    void encode(int[] l, int[] r, int n, long frameNumber, BitWriter out) {
        for (int i = 0; i < n; i++) {
            side[i] = l[i] - r[i];
            mid[i] = (l[i] + r[i]) >> 1;
        }
        long bl = left.analyse(l, n, bps);
        long br = right.analyse(r, n, bps);
        long bs = sideFrame.analyse(side, n, bps + 1);
        long bm = midFrame.analyse(mid, n, bps);
        int assignment = INDEPENDENT;
        long best = bl + br;
        FlacSubframe first = left;
        FlacSubframe second = right;
        if (bl + bs < best) {
            best = bl + bs;
            assignment = LEFT_SIDE;
            first = left;
            second = sideFrame;
        }
        if (bs + br < best) {
            best = bs + br;
            assignment = RIGHT_SIDE;
            first = sideFrame;
            second = right;
        }
        if (bm + bs < best) {
            assignment = MID_SIDE;
            first = midFrame;
            second = sideFrame;
        }
        assignments[assignment]++;
        int start = out.length();
        writeHeader(out, n, assignment, frameNumber);
        out.writeBits(Crc.crc8(out.bytes(), start, out.length()), 8);
        first.write(out);
        second.write(out);
        out.align();
        out.writeBits(Crc.crc16(out.bytes(), start, out.length()), 16);
    }

    private void writeHeader(BitWriter out, int n, int assignment, long frameNumber) {
        out.writeBits(0b11111111111110, 14); // sync code
        out.writeBits(0, 1); // reserved
        out.writeBits(0, 1); // fixed blocksize: the header carries the frame number
        int sizeCode;
        if (n == blockSize && blockSize == 4096) {
            sizeCode = 0b1100;
        } else {
            sizeCode = n <= 256 ? 0b0110 : 0b0111;
        }
        out.writeBits(sizeCode, 4);
        out.writeBits(rateCode(sampleRate), 4);
        out.writeBits(assignment, 4);
        out.writeBits(bps == 24 ? 0b110 : 0b100, 3);
        out.writeBits(0, 1); // reserved
        writeCodedNumber(out, frameNumber);
        if (sizeCode == 0b0110) {
            out.writeBits(n - 1, 8);
        } else if (sizeCode == 0b0111) {
            out.writeBits(n - 1, 16);
        }
    }

    /** The sample-rate code of a frame header; 0 (take it from STREAMINFO) for uncommon rates. */
    static int rateCode(int rate) {
        return switch (rate) {
            case 88_200 -> 0b0001;
            case 176_400 -> 0b0010;
            case 192_000 -> 0b0011;
            case 8_000 -> 0b0100;
            case 16_000 -> 0b0101;
            case 22_050 -> 0b0110;
            case 24_000 -> 0b0111;
            case 32_000 -> 0b1000;
            case 44_100 -> 0b1001;
            case 48_000 -> 0b1010;
            case 96_000 -> 0b1011;
            default -> 0b0000;
        };
    }

    /** The UTF-8-like coding of the frame or sample number (RFC 9639 §9.1.5), up to 36 bits. */
    static void writeCodedNumber(BitWriter out, long v) {
        if (v < 0 || v >= 1L << 36) {
            throw new IllegalArgumentException("frame number out of range: " + v);
        }
        if (v < 0x80) {
            out.writeBits(v, 8);
            return;
        }
        int bytes = v < 0x800 ? 2 : v < 0x1_0000 ? 3 : v < 0x20_0000 ? 4 : v < 0x400_0000 ? 5 : v < 0x8000_0000L ? 6 : 7;
        int leadBits = 7 - bytes; // payload bits in the first byte (0 for seven bytes)
        int prefix = (0xff << (8 - bytes)) & 0xff;
        out.writeBits(prefix | (v >>> (6 * (bytes - 1))) & ((1 << leadBits) - 1), 8);
        for (int i = bytes - 2; i >= 0; i--) {
            out.writeBits(0x80 | (v >>> (6 * i)) & 0x3f, 8);
        }
    }
}
