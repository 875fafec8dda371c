package dev.plumbline.collectors.remotewrite;

import dev.plumbline.sql.telemetry.PushedSeriesStore.Kind;

/**
 * A pushed series as Plumbline counts it.
 *
 * @param series the series' identity: its labels in Prometheus' text form, sorted, without replica labels (so the two
 *               servers of an HA pair push the same series)
 * @param le     the bucket's upper bound for a bucket, 0 otherwise
 */
public record Counter(String series, Kind kind, String service, String customer, double le) {
}
