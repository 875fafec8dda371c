package dev.plumbline.collectors.spool;

import dev.plumbline.sql.telemetry.TelemetryMinute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded on-disk queue of chunk batches for when ClickHouse cannot take them: one file per batch, named by a
 * sequence number, written to a temporary file, synced and renamed, so a crash never leaves half a batch that looks
 * whole; each file ends with a CRC32 of its content. {@link #replay} stores them oldest first and deletes each only
 * after it is stored.
 */
public final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final int MAGIC = 0x504c5350; // "PLSP"
    private static final int VERSION = 1;

    private final Path dir;
    private final long maxBytes;
    private long next;

    public Spool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            next = files().stream().mapToLong(Spool::sequence).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": cannot use the directory: " + e.getMessage(), e);
        }
    }

    /** Adds a batch at the end; refuses with {@link SpoolFullException} when it would pass the bound. */
    public synchronized void append(ChunkBatch batch) {
        byte[] bytes = encode(batch);
        long used = bytes();
        if (used + bytes.length > maxBytes) {
            throw new SpoolFullException("spool " + dir + " is full (" + used + " of " + maxBytes + " bytes): the "
                    + batch.source() + " batch " + batch.from() + " .. " + batch.to() + " waits at the source");
        }
        Path target = dir.resolve(String.format("%012d.batch", next));
        Path tmp = dir.resolve(String.format("%012d.tmp", next));
        try {
            Files.write(tmp, bytes);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": cannot write " + target + ": " + e.getMessage(), e);
        }
        next++;
    }

    /**
     * Stores batches oldest first through {@code store}; a batch is deleted only after {@code store} returned. The
     * first failure stops the replay (order is kept) and is thrown. Returns the number of batches stored.
     */
    public synchronized int replay(Consumer<ChunkBatch> store) {
        int stored = 0;
        for (Path file : files()) {
            ChunkBatch batch;
            try {
                batch = decode(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                LOG.error("spool {}: {} cannot be read ({}); moved to {} for inspection", dir, file.getFileName(), e, aside);
                move(file, aside);
                continue;
            }
            store.accept(batch);
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("spool " + dir + ": stored but cannot delete " + file, e);
            }
            stored++;
        }
        return stored;
    }

    public synchronized int size() {
        return files().size();
    }

    public synchronized long bytes() {
        return files().stream().mapToLong(f -> {
            try {
                return Files.size(f);
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".batch")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("spool " + dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static long sequence(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " aside", e);
        }
    }

    static byte[] encode(ChunkBatch b) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(b.source());
            out.writeLong(b.from().getEpochSecond());
            out.writeLong(b.to().getEpochSecond());
            out.writeInt(b.minutes().size());
            for (TelemetryMinute m : b.minutes()) {
                out.writeUTF(m.service());
                out.writeUTF(m.customer());
                out.writeUTF(m.source());
                out.writeLong(m.minute().getEpochSecond());
                out.writeDouble(m.requests());
                out.writeDouble(m.errors());
                doubles(out, m.latencyLe());
                doubles(out, m.latencyCounts());
                out.writeBoolean(m.mergeable());
            }
            out.writeInt(b.coverageHours().size());
            for (int i = 0; i < b.coverageHours().size(); i++) {
                out.writeLong(b.coverageHours().get(i).getEpochSecond());
                out.writeInt(b.coverageMinutes().get(i));
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChunkBatch decode(byte[] data) throws IOException {
        if (data.length < 16) {
            throw new IOException("too short to be a batch");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        long stored = java.nio.ByteBuffer.wrap(data, data.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a version " + VERSION + " spool batch");
        }
        String source = in.readUTF();
        Instant from = Instant.ofEpochSecond(in.readLong());
        Instant to = Instant.ofEpochSecond(in.readLong());
        int n = in.readInt();
        List<TelemetryMinute> minutes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            minutes.add(new TelemetryMinute(in.readUTF(), in.readUTF(), in.readUTF(), Instant.ofEpochSecond(in.readLong()),
                    in.readDouble(), in.readDouble(), doubles(in), doubles(in), in.readBoolean()));
        }
        int h = in.readInt();
        List<Instant> hours = new ArrayList<>(h);
        List<Integer> covered = new ArrayList<>(h);
        for (int i = 0; i < h; i++) {
            hours.add(Instant.ofEpochSecond(in.readLong()));
            covered.add(in.readInt());
        }
        return new ChunkBatch(source, from, to, minutes, hours, covered);
    }

    private static void doubles(DataOutputStream out, List<Double> values) throws IOException {
        out.writeInt(values.size());
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static List<Double> doubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readDouble());
        }
        return out;
    }
}
