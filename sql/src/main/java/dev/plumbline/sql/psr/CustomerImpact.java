package dev.plumbline.sql.psr;

/**
 * One customer of a service in a period: who it is, how hurt (the slice's figures against the service's objectives),
 * and what is at risk. The review lists a service's customers this way, the most hurt first.
 *
 * @param known         false: it sends traffic but has no customer record (no name, nothing at risk)
 * @param name          the customer's name ("" when not known)
 * @param badness       the worst burn over the service's objectives (1 = exactly on budget); null without objectives
 * @param worstKind     availability or latency: the objective that gives the badness ("" when none)
 * @param revenueAtRisk as in the ROI ranking (psr_slices), in the reporting currency
 * @param figures       the slice's figures (requests, error rate, percentiles, objectives judged)
 */
public record CustomerImpact(String customer, boolean known, String name, Double badness, String worstKind,
                             double revenueAtRisk, Figures figures) {

    /** The name when known, else the id: what a reader recognises. */
    public String label() {
        return known && !name.isBlank() ? name : customer;
    }
}
