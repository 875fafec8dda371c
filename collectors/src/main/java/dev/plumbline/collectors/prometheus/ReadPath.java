package dev.plumbline.collectors.prometheus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a Prometheus-compatible source is read (README, "Remote read"): {@code auto} (remote read, and query_range from
 * the first answer that says the source has no streamed remote read), {@code remote-read} or {@code query-range}.
 */
public enum ReadPath {
    AUTO, REMOTE_READ, QUERY_RANGE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The path {@code text} names; fails naming the choices. */
    public static ReadPath parse(String text) {
        for (ReadPath p : values()) {
            if (p.key().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("read: must be one of " + Arrays.stream(values()).map(ReadPath::key)
                .collect(Collectors.joining(", ")) + ", was '" + text + "'");
    }
}
