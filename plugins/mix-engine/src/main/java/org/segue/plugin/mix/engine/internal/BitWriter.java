package org.segue.plugin.mix.engine.internal;

import java.util.Arrays;

/** Big-endian (MSB first) bit packing into a growable byte array, as every FLAC field is written. */
final class BitWriter {

    private byte[] bytes;
    private int length;
    /** Bits not yet flushed, right-aligned; fewer than 8 between calls. */
    private long acc;
    private int accBits;

    BitWriter(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void reset() {
        length = 0;
        acc = 0;
        accBits = 0;
    }

    /** Writes the low {@code n} bits of {@code value}, 0 ≤ n ≤ 32. */
    void writeBits(long value, int n) {
        if (n == 0) {
            return;
        }
        acc = (acc << n) | (value & ((1L << n) - 1));
        accBits += n;
        flush();
    }

    /** Writes a Rice code word of the signed {@code value} with parameter {@code k} (RFC 9639 §9.2.7.3). */
    void writeRice(int value, int k) {
        long u = ((long) value << 1) ^ (value >> 31); // zigzag: 0, -1, 1, -2 ... → 0, 1, 2, 3 ...
        long q = u >>> k;
        if (q + 1 + k <= 56) {
            acc = (acc << (q + 1 + k)) | (1L << k) | (u & ((1L << k) - 1));
            accBits += (int) (q + 1 + k);
            flush();
            return;
        }
        for (; q > 32; q -= 32) {
            writeBits(0, 32);
        }
        writeBits(1, (int) q + 1);
        writeBits(u, k);
    }

    /** Pads with zero bits to the next byte boundary. */
    void align() {
        if (accBits > 0) {
            writeBits(0, 8 - accBits);
        }
    }

    private void flush() {
        if (length + 8 > bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        while (accBits >= 8) {
            accBits -= 8;
            bytes[length++] = (byte) (acc >>> accBits);
        }
        acc &= (1L << accBits) - 1;
    }

    /** Whole bytes written so far (call {@link #align} first to include a partial one). */
    int length() {
        return length;
    }

    /** The backing array; valid up to {@link #length()}. */
    byte[] bytes() {
        return bytes;
    }
}
