package org.segue.plugin.mix.engine.internal;

/** The two checksums of a FLAC frame (RFC 9639 §9.1): CRC-8 of the header, CRC-16 of the whole frame. */
final class Crc {

    /** CRC-8, polynomial x^8 + x^2 + x + 1 (0x07), initial value 0, MSB first. */
    private static final int[] CRC8 = table(8, 0x07);
    /** CRC-16, polynomial x^16 + x^15 + x^2 + 1 (0x8005), initial value 0, MSB first. */
    private static final int[] CRC16 = table(16, 0x8005);

    private Crc() {
    }

    private static int[] table(int width, int poly) {
        int[] t = new int[256];
        int top = 1 << (width - 1);
        int mask = (1 << width) - 1;
        for (int b = 0; b < 256; b++) {
            int c = b << (width - 8);
            for (int i = 0; i < 8; i++) {
                c = (c & top) != 0 ? (c << 1) ^ poly : c << 1;
            }
            t[b] = c & mask;
        }
        return t;
    }

    static int crc8(byte[] data, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = CRC8[(c ^ data[i]) & 0xff];
        }
        return c;
    }

    static int crc16(byte[] data, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) {
            c = ((c << 8) ^ CRC16[((c >>> 8) ^ data[i]) & 0xff]) & 0xffff;
        }
        return c;
    }
}
