package dev.plumbline.sql.triggers;

import dev.plumbline.sql.psr.CustomerHealth;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PsrEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a trigger's figure for each of its subjects through the engine, over the window that ends at the evaluation's
 * minute. Every query is bounded by {@code maxSubjects} (customers or services); a subject without a figure (no
 * traffic in the window, no objective judged) has no reading.
 */
public final class FigureReader {

    private final PsrEngine engine;
    private final int maxSubjects;

    public FigureReader(PsrEngine engine, int maxSubjects) {
        this.engine = engine;
        this.maxSubjects = maxSubjects;
    }

    /** The window of {@code rule} that ends at {@code at}'s minute. */
    public static Period window(Rule rule, Instant at) {
        Instant to = at.truncatedTo(ChronoUnit.MINUTES);
        return new Period(to.minus(rule.window()), to);
    }

    /** The figure of each subject of {@code trigger} at {@code at}. */
    public List<Reading> read(Trigger trigger, Instant at) {
        Rule rule = trigger.rule();
        Period period = window(rule, at);
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Map<String, CustomerHealth> customers = new HashMap<>();
        engine.health(period, "", 0, maxSubjects).rows().forEach(h -> customers.put(h.customer(), h));
        List<Reading> out = new ArrayList<>();
        switch (rule.figure()) {
            case HEALTH -> customers.values().stream()
                    .filter(h -> h.health() != null && inSet(trigger.customers(), h.customer(), customers, today))
                    .forEach(h -> out.add(reading(h.customer(), h.health(), customers)));
            case SLICE_BURN_RATE, SLICE_BUDGET_CONSUMED -> {
                for (Figures f : engine.slices(period, rule.service(), "", 0, maxSubjects).rows()) {
                    String customer = f.key().substring(f.key().indexOf('/') + 1);
                    Optional<ObjectiveResult> worst = ObjectiveResult.worst(f.objectives());
                    Double value = worst.map(o -> rule.figure() == Figure.SLICE_BURN_RATE ? o.burnRate()
                            : o.budgetConsumed()).orElse(null);
                    if (value != null && inSet(trigger.customers(), customer, customers, today)) {
                        out.add(reading(customer, value, customers));
                    }
                }
            }
            case SERVICE_REVENUE_AT_RISK -> {
                Map<String, Double> ranked = new HashMap<>();
                engine.rankingByService(period, 0, maxSubjects).rows()
                        .forEach(s -> ranked.put(s.service(), s.revenueAtRisk()));
                for (Figures f : engine.services(period)) {   // every service with traffic: 0 when none at risk
                    if (!rule.service().isEmpty() && !rule.service().equals(f.service())) {
                        continue;
                    }
                    double atRisk = trigger.customers().isAll() ? ranked.getOrDefault(f.service(), 0.0)
                            : engine.customersOf(period, f.service(), true).stream()
                                    .filter(c -> inSet(trigger.customers(), c.customer(), customers, today))
                                    .mapToDouble(CustomerImpact::revenueAtRisk).sum();
                    out.add(new Reading(f.service(), f.service(), atRisk, null, atRisk));
                }
            }
        }
        return out;
    }

    private static boolean inSet(CustomerSet set, String customer, Map<String, CustomerHealth> customers,
                                 LocalDate today) {
        CustomerHealth h = customers.get(customer);
        return h == null ? set.contains(customer, "", 0, null, today)
                : set.contains(customer, h.segment(), h.arrReporting() == null ? 0 : h.arrReporting().doubleValue(),
                        h.renewalDate(), today);
    }

    private static Reading reading(String customer, double value, Map<String, CustomerHealth> customers) {
        CustomerHealth h = customers.get(customer);
        if (h == null) {
            return new Reading(customer, customer, value, null, 0);
        }
        return new Reading(customer, h.customerName().isBlank() ? customer : h.customerName(), value,
                h.arrReporting() == null ? null : h.arrReporting().doubleValue(), h.revenueAtRisk());
    }
}
