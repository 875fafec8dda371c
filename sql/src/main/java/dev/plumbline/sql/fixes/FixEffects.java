package dev.plumbline.sql.fixes;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.psr.CustomerImpact;
import dev.plumbline.sql.psr.Histogram;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PsrEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a fix is measured on: its affected customers' days on its service (fix_days.sql, the daily roll-up) and
 * their revenue at risk on the service over a window (the engine's ROI model, {@link PsrEngine#customersOf}: the
 * slice's worst burn over all the service's objectives, summed over the affected customers). Today is the engine's.
 */
public final class FixEffects {

    /** The days a snapshot covers: the two weeks before the day a fix is tracked. */
    public static final int SNAPSHOT_DAYS = EffectWindows.MAX_DAYS;

    private static final NamedQuery DAYS = NamedQuery.load(FixEffects.class, "fix_days.sql");

    private final ClickHouse clickHouse;
    private final PsrEngine engine;

    public FixEffects(ClickHouse clickHouse, PsrEngine engine) {
        this.clickHouse = clickHouse;
        this.engine = engine;
    }

    /** The figures of {@code customers} on {@code service} over the {@link #SNAPSHOT_DAYS} whole days before today. */
    public Snapshot snapshot(String service, List<String> customers, Hypothesis.Figure figure) {
        LocalDate today = engine.today();
        LocalDate from = today.minusDays(SNAPSHOT_DAYS);
        Effect.Window window = Effects.window(figure, from, today, days(service, customers, from, today));
        return new Snapshot(from, today, window.requests(), window.value(), revenueAtRisk(service, customers, from, today));
    }

    /** The effect of {@code fix} as it stands today; empty while it is planned. */
    public Optional<Effect> measure(TrackedFix fix) {
        if (fix.shippedAt() == null) {
            return Optional.empty();
        }
        EffectWindows w = EffectWindows.of(fix.shipDay(), engine.today());
        List<CustomerDay> days = days(fix.service(), fix.customers(), w.beforeFrom(), w.afterTo());
        return Optional.of(Effects.measure(fix.hypothesis(), fix.customers(), w, days,
                revenueAtRisk(fix.service(), fix.customers(), w.beforeFrom(), w.beforeTo()),
                revenueAtRisk(fix.service(), fix.customers(), w.afterFrom(), w.afterTo())));
    }

    /** The affected customers' days in [from, to). */
    public List<CustomerDay> days(String service, List<String> customers, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Params params = Params.of("service", service).and("customers", customers).and("from_day", from).and("to_day", to);
        return clickHouse.query(DAYS, params, FixEffects::day);
    }

    private double revenueAtRisk(String service, List<String> customers, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        return engine.customersOf(Period.days(from, to.minusDays(1)), service, true).stream()
                .filter(c -> customers.contains(c.customer())).mapToDouble(CustomerImpact::revenueAtRisk).sum();
    }

    private static CustomerDay day(Row row) {
        List<Double> le = row.getDoubles("le");
        List<Double> counts = new ArrayList<>(row.getDoubles("counts"));
        while (counts.size() < le.size()) {   // sumForEach of no rows with buckets: pad with zeros, as PsrEngine does
            counts.add(0.0);
        }
        boolean usable = !le.isEmpty() && row.getBoolean("mergeable") && row.getLong("layouts") <= 1
                && counts.size() == le.size();
        return new CustomerDay(row.getLocalDate("day"), row.getString("customer"), row.getDouble("requests"),
                row.getDouble("errors"), usable ? new Histogram(le, counts) : Histogram.EMPTY);
    }
}
