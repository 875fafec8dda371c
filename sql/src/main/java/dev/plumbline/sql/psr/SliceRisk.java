package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ranked slice (customer x service) with every input that produced its place, in named parts: the account (who
 * the customer is), its traffic, its burn against the service's objectives, its score without money, and the money.
 * A new figure goes into the one part it belongs to (and the one query that computes it: psr_slices).
 *
 * @param service  the service
 * @param customer the customer's id
 * @param money    ARR and what is at risk; for roles without money permission it is left out of every answer
 */
public record SliceRisk(String service, String customer, Account account, Traffic traffic, Burn burn, Score score,
                        Money money) {

    /**
     * The customer as of the period's last day.
     *
     * @param known      false: it sends traffic but has no customer record (no ARR, nothing at risk)
     * @param renewsSoon it renews within the ROI model's horizon (weighs more)
     */
    public record Account(boolean known, String name, String segment, String region, String plan, String volumeBand,
                          LocalDate renewalDate, boolean renewsSoon) {
    }

    /**
     * What the slice sent in the period.
     *
     * @param exposure share of the customer's requests that went to this service
     */
    public record Traffic(double requests, double errors, double errorRate, double exposure) {
    }

    /**
     * How far the slice is from its service's objectives.
     *
     * @param badness      the worst burn over the service's objectives (1 = exactly on budget)
     * @param worstKind    availability or latency: the objective that gives the badness
     * @param availability the availability objective's target and burn; null when the service has none
     */
    public record Burn(double badness, String worstKind, Availability availability, Latency latency) {
    }

    /** An availability objective: its target and the slice's burn of it (null without requests). */
    public record Availability(double target, Double badness) {
    }

    /**
     * The latency objective the slice misses most.
     *
     * @param state     ok, none (no latency objective), no-histogram, percentiles-only (a source that gives no
     *                  buckets), mixed-layouts (bucket bounds changed within the period)
     * @param slowShare the share of the slice's requests slower than the threshold
     * @param badness   slowShare / (1 - target); null when it cannot be computed (state not ok)
     */
    public record Latency(String state, String objective, double thresholdMs, double target, double slowShare,
                          Double badness) {
    }

    /**
     * Where the slice ranks without money.
     *
     * @param effortWeeks   the service's effort to improve, engineer-weeks (1 when unknown)
     * @param relativeScore this slice's ROI as a share of the top ROI of the ranking, 0-100
     */
    public record Score(double effortWeeks, double relativeScore) {
    }

    /**
     * The money, in the reporting currency unless named otherwise.
     *
     * @param arr          ARR in the customer's currency (null for a customer without a record)
     * @param currency     that currency (null for a customer without a record)
     * @param arrReporting ARR in the reporting currency (null for a customer without a record)
     * @param revenueAtRisk ARR x exposure x saturated badness x renewal factor
     * @param roi          revenue at risk per engineer-week of effort
     */
    public record Money(BigDecimal arr, String currency, BigDecimal arrReporting, double revenueAtRisk, double roi) {
    }
}
