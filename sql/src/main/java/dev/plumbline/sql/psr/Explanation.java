package dev.plumbline.sql.psr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The one sentence a PM can read aloud for a ranked slice, e.g. "Acme ($1.2M ARR, renews in 45 days) sends 38% of its
 * requests to search, where 9% are slower than 800 ms against an allowed 5%: 1.8x its latency budget". Without money
 * the ARR is left out. Pure.
 */
public final class Explanation {

    private Explanation() {
    }

    public static String of(SliceRisk r, String reportingCurrency, LocalDate today, boolean money) {
        SliceRisk.Account account = r.account();
        StringBuilder who = new StringBuilder(account.known() && !account.name().isBlank() ? account.name() : r.customer());
        StringBuilder facts = new StringBuilder();
        if (money) {
            facts.append(account.known() ? money(r.money().arrReporting(), reportingCurrency) + " ARR" : "no ARR on record");
        }
        if (account.renewalDate() != null && !account.renewalDate().isBefore(today)) {
            long days = ChronoUnit.DAYS.between(today, account.renewalDate());
            facts.append(facts.isEmpty() ? "" : ", ").append("renews in ").append(days).append(days == 1 ? " day" : " days");
        }
        if (!facts.isEmpty()) {
            who.append(" (").append(facts).append(')');
        }
        String sends = who + " sends " + percent(r.traffic().exposure()) + " of its requests to " + r.service() + ", where ";
        SliceRisk.Burn burn = r.burn();
        if ("latency".equals(burn.worstKind())) {
            SliceRisk.Latency latency = burn.latency();
            return sends + percent(latency.slowShare()) + " are slower than " + ms(latency.thresholdMs())
                    + " against an allowed " + percent(1 - latency.target()) + ": " + times(burn.badness())
                    + " its latency budget";
        }
        return sends + percent(r.traffic().errorRate()) + " fail against an allowed "
                + percent(1 - burn.availability().target()) + ": " + times(burn.badness()) + " its availability budget";
    }

    private static String percent(double share) {
        return PercentText.readable(share);
    }

    static String times(double badness) {
        return (badness >= 10 ? String.valueOf(Math.round(badness))
                : BigDecimal.valueOf(badness).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()) + "x";
    }

    static String ms(double ms) {
        return ms >= 1000 && ms % 1000 == 0 ? (long) (ms / 1000) + " s"
                : (ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms)) + " ms";
    }

    /** $1.2M, €85.4k, £950 ({@link MoneyText#compact}); an unknown amount as 0. */
    private static String money(BigDecimal amount, String currency) {
        return MoneyText.compact(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}
