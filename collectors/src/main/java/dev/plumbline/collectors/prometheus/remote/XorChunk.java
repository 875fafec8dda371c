package dev.plumbline.collectors.prometheus.remote;

/**
 * Decodes a Prometheus TSDB chunk of the XOR encoding (Gorilla, with Prometheus' millisecond ranges). Pure. The
 * format: a big-endian uint16 sample count, then a bit stream: the first timestamp as a signed varint and its value
 * as 64 raw bits; the second timestamp as an unsigned varint delta; every later one as a delta of deltas in a
 * prefix-coded width ('0': none; '10' 14 bits, '110' 17 bits, '1110' 20 bits, two's complement in that width;
 * '1111' 64 bits). Each value after the first is the previous one XOR-ed with: nothing ('0'), or ('1') a meaningful
 * run of bits placed as the previous value's run was ('0'), or after a new count of leading zeros (5 bits) and of
 * meaningful bits (6 bits, 0 meaning 64) ('1').
 */
public final class XorChunk {

    /** A chunk's samples, in time order: timestamps in milliseconds since the epoch and their values. */
    public record Samples(long[] timestamps, double[] values) {

        public int size() {
            return timestamps.length;
        }
    }

    private XorChunk() {
    }

    /** The samples of {@code data}, an XOR chunk; an IllegalArgumentException when it is cut short or malformed. */
    public static Samples decode(byte[] data) {
        int count = count(data);
        long[] t = new long[count];
        double[] v = new double[count];
        decodeInto(data, t, v, 0);
        return new Samples(t, v);
    }

    /** How many samples {@code data}, an XOR chunk, holds (its header). */
    public static int count(byte[] data) {
        if (data.length < 2) {
            throw new IllegalArgumentException("chunk: " + data.length + " bytes, too short for its header");
        }
        return ((data[0] & 0xff) << 8) | (data[1] & 0xff);
    }

    /**
     * Decodes {@code data}'s samples into {@code t} and {@code v} from index {@code at} on (they must have room for
     * {@link #count} more) and returns how many there were: a series' chunks decode into one pair of arrays.
     */
    public static int decodeInto(byte[] data, long[] t, double[] v, int at) {
        int count = count(data);
        if (count == 0) {
            return 0;
        }
        BitReader in = new BitReader(data, 2);
        long time = in.varint();
        long bits = in.bits(64);
        t[at] = time;
        v[at] = Double.longBitsToDouble(bits);
        long delta = 0;
        int leading = 0;
        int trailing = 0;
        for (int i = 1; i < count; i++) {
            if (i == 1) {
                delta = in.uvarint();
            } else {
                delta += deltaOfDelta(in);
            }
            time += delta;
            t[at + i] = time;
            if (in.bit()) {
                if (in.bit()) {
                    leading = (int) in.bits(5);
                    int meaningful = (int) in.bits(6);
                    if (meaningful == 0) {
                        meaningful = 64;
                    }
                    trailing = 64 - leading - meaningful;
                    if (trailing < 0) {
                        throw new IllegalArgumentException("chunk: sample " + i + " has " + leading
                                + " leading zeros and " + meaningful + " meaningful bits, more than 64");
                    }
                }
                int meaningful = 64 - leading - trailing;
                bits ^= in.bits(meaningful) << trailing;
            }
            v[at + i] = Double.longBitsToDouble(bits);
        }
        return count;
    }

    private static long deltaOfDelta(BitReader in) {
        int prefix = 0;
        while (prefix < 4 && in.bit()) {
            prefix++;
        }
        int width = switch (prefix) {
            case 0 -> 0;
            case 1 -> 14;
            case 2 -> 17;
            case 3 -> 20;
            default -> 64;
        };
        if (width == 0) {
            return 0;
        }
        long bits = in.bits(width);
        if (width < 64 && bits > (1L << (width - 1))) {
            bits -= 1L << width;   // negative, in two's complement of that width
        }
        return bits;
    }
}
