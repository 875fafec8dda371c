package dev.plumbline.sql.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        Out out = new Out(minutes.size() * 256);
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
            out.buffer.write(m.mergeable() ? 1 : 0);
            out.int64(collected);
        }
        return out.buffer.toByteArray();
    }

    private static final class Out {
        final ByteArrayOutputStream buffer;
        final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Out(int size) {
            buffer = new ByteArrayOutputStream(size);
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                buffer.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            buffer.write((int) v);
        }

        void string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            buffer.write(bytes, 0, bytes.length);
        }

        void uint32(long v) {
            scratch.clear();
            scratch.putInt((int) v);
            buffer.write(scratch.array(), 0, 4);
        }

        void int64(long v) {
            scratch.clear();
            scratch.putLong(v);
            buffer.write(scratch.array(), 0, 8);
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
