package dev.plumbline.sql.psr;

import java.util.List;

/**
 * What happened in a period for a service, a slice or a group of customers, against the service's objectives.
 * Percentiles come from the merged histogram; they are null (with a note in {@code latencyNote}) when the histograms
 * cannot be merged (a source that gives only percentiles, or bucket bounds that changed).
 *
 * @param key            what the figures are of: service, service/customer, or group/service
 * @param availability   1 - errorRate
 * @param latencyNote    "" when the percentiles are exact, else why they are missing
 * @param averageRps     requests per second over the collected part of the period ({@link Throughput#averageRps}):
 *                       null when nothing was collected
 * @param peakRps        the busiest minute's requests per second (services only; else null); hours stored without
 *                       their minutes count with their average ({@code peakFromMinutes} false)
 * @param peakFromMinutes whether every hour of the period had its minutes for the peak (services only; else null)
 * @param coverage       share of the period's minutes collected by the sources of this service (null if unknown)
 */
public record Figures(String key, String service, double requests, double errors, double errorRate, double availability,
                      Double p50Seconds, Double p95Seconds, Double p99Seconds, String latencyNote, Double averageRps,
                      Double peakRps, Boolean peakFromMinutes, Double coverage, long customers, List<ObjectiveResult> objectives) {

    public Figures {
        objectives = List.copyOf(objectives);
    }
}
