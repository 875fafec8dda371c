package dev.plumbline.sql.telemetry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes minutes in ClickHouse's RowBinary format for insert_telemetry_minutes.sql: strings as varint length and
 * UTF-8 bytes, DateTime as UInt32 seconds, Float64 and DateTime64(3) little-endian, arrays as varint length and
 * elements, Bool as one byte.
 */
final class TelemetryRowBinary {

    private TelemetryRowBinary() {
    }

    static byte[] encode(List<TelemetryMinute> minutes, Instant collectedAt) {
        Out out = new Out(minutes.size() * 320);
        long collected = collectedAt.toEpochMilli();
        for (TelemetryMinute m : minutes) {
            out.string(m.service());
            out.string(m.customer());
            out.string(m.source());
            out.uint32(m.minute().getEpochSecond());
            out.float64(m.requests());
            out.float64(m.errors());
            out.doubles(m.latencyLe());
            out.doubles(m.latencyCounts());
            out.byte1(m.mergeable() ? 1 : 0);
            out.int64(collected);
        }
        return out.bytes();
    }

    /** A growing byte array written little-endian (a backfill encodes millions of minutes: no per-byte locking). */
    private static final class Out {
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);

        private byte[] buffer;
        private int size;

        Out(int capacity) {
            buffer = new byte[Math.max(64, capacity)];
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, size);
        }

        private void room(int n) {
            if (size + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + n));
            }
        }

        void byte1(int b) {
            room(1);
            buffer[size++] = (byte) b;
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                byte1((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            byte1((int) v);
        }

        void string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        void uint32(long v) {
            room(4);
            INT.set(buffer, size, (int) v);
            size += 4;
        }

        void int64(long v) {
            room(8);
            LONG.set(buffer, size, v);
            size += 8;
        }

        void float64(double v) {
            int64(Double.doubleToRawLongBits(v));
        }

        void doubles(List<Double> values) {
            varint(values.size());
            for (double v : values) {
                float64(v);
            }
        }
    }
}
