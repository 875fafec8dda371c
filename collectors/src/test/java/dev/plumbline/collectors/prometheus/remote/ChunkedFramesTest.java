package dev.plumbline.collectors.prometheus.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.plumbline.collectors.prometheus.remote.prompb.Chunk;
import dev.plumbline.collectors.prometheus.remote.prompb.ChunkedReadResponse;
import dev.plumbline.collectors.prometheus.remote.prompb.ChunkedSeries;
import dev.plumbline.collectors.prometheus.remote.prompb.Label;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Frames as the protocol defines them (uvarint length, big-endian CRC32C, message), made here by hand: good ones are
 * read, a series split over frames is handed over once, and a bad checksum, a cut stream or an oversized frame is
 * refused naming the frame.
 */
class ChunkedFramesTest {

    /** An XOR chunk of one sample (timestamp t as a zig-zag varint, value as 64 bits), made by hand. */
    private static Chunk oneSample(long t, double v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(1);
        long zz = (t << 1) ^ (t >> 63);
        while ((zz & ~0x7fL) != 0) {
            out.write((int) ((zz & 0x7f) | 0x80));
            zz >>>= 7;
        }
        out.write((int) zz);
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)) & 0xff);
        }
        return Chunk.newBuilder().setType(Chunk.Encoding.XOR).setMinTimeMs(t).setMaxTimeMs(t)
                .setData(ByteString.copyFrom(out.toByteArray())).build();
    }

    private static ChunkedSeries series(String name, Chunk... chunks) {
        return ChunkedSeries.newBuilder().addLabels(Label.newBuilder().setName("__name__").setValue(name))
                .addAllChunks(List.of(chunks)).build();
    }

    private static byte[] frame(ChunkedReadResponse message, boolean goodCrc) {
        byte[] body = message.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = body.length;
        while ((n & ~0x7fL) != 0) {
            out.write((int) ((n & 0x7f) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
        CRC32C crc = new CRC32C();
        crc.update(body);
        long c = crc.getValue() ^ (goodCrc ? 0 : 1);
        out.write((int) (c >>> 24) & 0xff);
        out.write((int) (c >>> 16) & 0xff);
        out.write((int) (c >>> 8) & 0xff);
        out.write((int) c & 0xff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void a_series_split_over_frames_is_handed_over_once_with_its_samples_in_order() throws IOException {
        byte[] stream = concat(
                frame(ChunkedReadResponse.newBuilder().addChunkedSeries(series("a", oneSample(1_000, 1))).build(), true),
                frame(ChunkedReadResponse.newBuilder().addChunkedSeries(series("a", oneSample(2_000, 2)))
                        .addChunkedSeries(series("b", oneSample(1_500, 7))).build(), true));
        List<String> seen = new ArrayList<>();
        RemoteReadClient.Stats stats = RemoteReadClient.stream(new ChunkedFrames(new ByteArrayInputStream(stream),
                1 << 20), 0, 10_000, (labels, s) -> seen.add(labels.get("__name__") + Arrays.toString(s.timestamps())
                + Arrays.toString(s.values())));
        assertThat(seen).containsExactly("a[1000, 2000][1.0, 2.0]", "b[1500][7.0]");
        assertThat(stats).isEqualTo(new RemoteReadClient.Stats(2, 3, 3, 2));
    }

    @Test
    void overlapping_chunks_give_each_sample_once_and_the_range_cuts_them() throws IOException {
        XorChunk.Samples s = RemoteReadClient.merge(List.of(oneSample(3_000, 3), oneSample(1_000, 1),
                oneSample(3_000, 3), oneSample(9_000, 9)), 1_000, 5_000);
        assertThat(s.timestamps()).containsExactly(1_000, 3_000);
        assertThat(s.values()).containsExactly(1, 3);
    }

    @Test
    void a_bad_checksum_a_cut_stream_and_an_oversized_frame_are_refused() {
        ChunkedReadResponse m = ChunkedReadResponse.newBuilder().addChunkedSeries(series("a", oneSample(1, 1))).build();
        assertThatThrownBy(() -> new ChunkedFrames(new ByteArrayInputStream(frame(m, false)), 1 << 20).next())
                .isInstanceOf(IOException.class).hasMessageContaining("frame 1 fails its CRC32C check");
        byte[] good = frame(m, true);
        assertThatThrownBy(() -> new ChunkedFrames(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 3)),
                1 << 20).next()).isInstanceOf(IOException.class).hasMessageContaining("ends inside frame 1");
        assertThatThrownBy(() -> new ChunkedFrames(new ByteArrayInputStream(good), 4).next())
                .isInstanceOf(IOException.class).hasMessageContaining("over the limit of 4");
    }
}
