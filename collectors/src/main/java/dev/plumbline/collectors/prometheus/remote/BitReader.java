package dev.plumbline.collectors.prometheus.remote;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a byte array bit by bit, most significant bit first, as the TSDB chunk encodings write it. A read of up to 64
 * bits takes one big-endian 8-byte load (and one more byte when the bits straddle it), not a loop over the bits: the
 * backfill decodes tens of millions of samples per hour of history (BENCHMARKS.md, "prometheus-backfill").
 */
final class BitReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private final long endBits;
    private long position;   // in bits from the start of bytes

    BitReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.endBits = 8L * bytes.length;
        this.position = 8L * offset;
    }

    boolean bit() {
        if (position >= endBits) {
            throw cutShort();
        }
        int b = bytes[(int) (position >>> 3)];
        boolean one = ((b >>> (7 - (int) (position & 7))) & 1) == 1;
        position++;
        return one;
    }

    /** The next {@code n} bits (0 to 64) as an unsigned number. */
    long bits(int n) {
        if (n == 0) {
            return 0;
        }
        if (position + n > endBits) {
            throw cutShort();
        }
        int index = (int) (position >>> 3);
        int shift = (int) (position & 7);
        long high = (word(index) << shift) >>> (64 - n);
        int rest = n + shift - 64;   // bits beyond the 8 bytes loaded: only when n > 56 and not on a byte boundary
        if (rest > 0) {
            high |= (bytes[index + 8] & 0xff) >>> (8 - rest);
        }
        position += n;
        return high;
    }

    /** The 8 bytes from index on, big-endian, zeros past the end of the array. */
    private long word(int index) {
        if (index + 8 <= bytes.length) {
            return (long) LONGS.get(bytes, index);
        }
        long word = 0;
        for (int i = 0; i < 8; i++) {
            word = (word << 8) | (index + i < bytes.length ? bytes[index + i] & 0xff : 0);
        }
        return word;
    }

    private static IllegalArgumentException cutShort() {
        return new IllegalArgumentException("chunk: ends in the middle of a sample");
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
