package dev.plumbline.app.triggers;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert's fingerprint as Alertmanager computes it from its labels (Prometheus' label-set fingerprint): FNV-1a
 * 64-bit over the labels sorted by name, each name and value followed by the byte 0xff, as 16 hex digits. The same
 * labels give the same fingerprint here and in an Alertmanager, so a webhook receiver can match the two.
 */
public final class Fingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xff;

    private Fingerprint() {
    }

    public static String of(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return String.format("%016x", OFFSET);
        }
        long hash = OFFSET;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey().getBytes(StandardCharsets.UTF_8));
            hash = add(hash, new byte[] {SEPARATOR});
            hash = add(hash, label.getValue().getBytes(StandardCharsets.UTF_8));
            hash = add(hash, new byte[] {SEPARATOR});
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        return hash;
    }
}
