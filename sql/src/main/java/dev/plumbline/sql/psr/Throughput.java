package dev.plumbline.sql.psr;

/**
 * Throughput figures, per time that was collected: a period whose sources collected half its minutes averages its
 * requests over that half, not over the whole period (where nothing was collected, nothing is known).
 */
public final class Throughput {

    private Throughput() {
    }

    /**
     * Requests per second over the collected part of the period: requests / (coverage x the period's seconds); null
     * when coverage is unknown or nothing was collected.
     */
    public static Double averageRps(double requests, Double coverage, Period period) {
        if (coverage == null || !(coverage > 0)) {
            return null;
        }
        return requests / (coverage * period.length().toSeconds());
    }
}
