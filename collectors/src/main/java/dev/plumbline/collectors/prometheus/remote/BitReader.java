package dev.plumbline.collectors.prometheus.remote;

/** Reads a byte array bit by bit, most significant bit first, as the TSDB chunk encodings write it. */
final class BitReader {

    private final byte[] bytes;
    private final int end;
    private long position;   // in bits from the start of bytes

    BitReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.end = bytes.length;
        this.position = 8L * offset;
    }

    boolean bit() {
        if (position >= 8L * end) {
            throw new IllegalArgumentException("chunk: ends in the middle of a sample");
        }
        int b = bytes[(int) (position >>> 3)] & 0xff;
        boolean one = ((b >>> (7 - (int) (position & 7))) & 1) == 1;
        position++;
        return one;
    }

    /** The next {@code n} bits (0 to 64) as an unsigned number. */
    long bits(int n) {
        if (position + n > 8L * end) {
            throw new IllegalArgumentException("chunk: ends in the middle of a sample");
        }
        long out = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[(int) (position >>> 3)] & 0xff;
            out = (out << 1) | ((b >>> (7 - (int) (position & 7))) & 1);
            position++;
        }
        return out;
    }

    /** An unsigned LEB128 varint written byte by byte into the bit stream (Go's binary.PutUvarint). */
    long uvarint() {
        long out = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            long b = bits(8);
            out |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return out;
            }
        }
        throw new IllegalArgumentException("chunk: a varint longer than 10 bytes");
    }

    /** A zig-zag signed varint (Go's binary.PutVarint). */
    long varint() {
        long u = uvarint();
        return (u >>> 1) ^ -(u & 1);
    }
}
