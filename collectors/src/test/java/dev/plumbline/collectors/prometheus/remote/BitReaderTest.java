package dev.plumbline.collectors.prometheus.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The word-at-a-time reader against the plainest oracle there is: the bytes written out as a string of '0' and '1',
 * each read parsed from its substring. Random bytes and random widths from 0 to 64, from every starting bit, and
 * arrays short enough that the 8-byte load runs past their end.
 */
class BitReaderTest {

    private static String binary(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, 15, 16, 17, 40, 200})
    void readsWhatTheBitStringSays(int length) {
        SplittableRandom random = new SplittableRandom(length);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            String bits = binary(bytes);
            int offset = random.nextInt(length);
            BitReader in = new BitReader(bytes, offset);
            int at = 8 * offset;
            while (at < bits.length()) {
                if (random.nextInt(4) == 0) {
                    assertThat(in.bit()).as("bit %d of %s", at, bits).isEqualTo(bits.charAt(at) == '1');
                    at++;
                    continue;
                }
                int n = random.nextInt(Math.min(64, bits.length() - at) + 1);
                long expected = n == 0 ? 0 : Long.parseUnsignedLong(bits.substring(at, at + n), 2);
                assertThat(in.bits(n)).as("%d bits from bit %d of %s", n, at, bits).isEqualTo(expected);
                at += n;
            }
            assertThatThrownBy(in::bit).hasMessageContaining("ends in the middle of a sample");
        }
    }

    @Test
    void sixtyFourBitsFromEveryStartingBit() {
        byte[] bytes = {(byte) 0x81, 0x42, 0x24, 0x18, (byte) 0xff, 0x00, (byte) 0xa5, 0x5a, (byte) 0xc3, 0x3c};
        String bits = binary(bytes);
        for (int skip = 0; skip + 64 <= bits.length(); skip++) {
            BitReader in = new BitReader(bytes, 0);
            in.bits(skip);
            assertThat(in.bits(64)).as("64 bits from bit %d", skip)
                    .isEqualTo(Long.parseUnsignedLong(bits.substring(skip, skip + 64), 2));
        }
    }

    @Test
    void aReadPastTheEndIsRefusedAndMovesNothing() {
        BitReader in = new BitReader(new byte[] {(byte) 0xf0, 0x0f}, 0);
        in.bits(10);
        assertThatThrownBy(() -> in.bits(7)).hasMessageContaining("ends in the middle of a sample");
        assertThat(in.bits(6)).isEqualTo(0b001111);
    }

    @Test
    void varintsAsGoWritesThem() {
        // 300 as a uvarint is 0xac 0x02; -3 zig-zags to 5
        BitReader in = new BitReader(new byte[] {(byte) 0xac, 0x02, 0x05}, 0);
        assertThat(in.uvarint()).isEqualTo(300);
        assertThat(in.varint()).isEqualTo(-3);
    }
}
