package dev.plumbline.sql.fixes;

import dev.plumbline.sql.annotation.Annotation;
import dev.plumbline.sql.annotation.AnnotationKind;
import dev.plumbline.sql.annotation.AnnotationStore;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tracking fixes, for the API and the pages alike: checks what is tracked against the catalog, the customers and the
 * annotations (every refusal an {@link IllegalArgumentException} beginning with the field), takes the snapshot, and
 * measures a shipped fix's effect when it is read.
 */
public final class FixTracking {

    /** The most affected customers one fix may name. */
    public static final int MAX_CUSTOMERS = 500;

    private final FixStore store;
    private final FixEffects effects;
    private final ServiceCatalogStore catalog;
    private final CustomerStore customers;
    private final AnnotationStore annotations;
    private final Clock clock;
    private final Optional<TrackerPost> tracker;

    public FixTracking(FixStore store, FixEffects effects, ServiceCatalogStore catalog, CustomerStore customers,
                       AnnotationStore annotations, Clock clock) {
        this(store, effects, catalog, customers, annotations, clock, Optional.empty());
    }

    /** With {@code tracker}: every newly tracked fix is also posted to the issue tracker (through the outbox). */
    public FixTracking(FixStore store, FixEffects effects, ServiceCatalogStore catalog, CustomerStore customers,
                       AnnotationStore annotations, Clock clock, Optional<TrackerPost> tracker) {
        this.tracker = tracker;
        this.store = store;
        this.effects = effects;
        this.catalog = catalog;
        this.customers = customers;
        this.annotations = annotations;
        this.clock = clock;
    }

    /** A fix as it stands, with its effect once shipped. */
    public record Tracked(TrackedFix fix, Optional<Effect> effect) {
        /** The state to show: the measured one once there is one, else the recorded one. */
        public FixState state() {
            return effect.map(Effect::state).orElse(fix.state());
        }
    }

    /**
     * What a person asks to track, as they gave it (the API's body, the page's form), checked by {@link #track} field
     * by field in this order.
     */
    public record Request(String title, String service, String problem, List<String> customers, String owner,
                          String targetDate, String figure, String comparison, Double value) {
    }

    public Tracked track(Request r, String by) {
        CatalogEntry entry = catalog.find(required("service", r.service()))
                .orElseThrow(() -> new IllegalArgumentException("service: unknown service '" + r.service() + "'"));
        Objective objective = entry.objectives().stream().filter(o -> o.name().equals(required("problem", r.problem())))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("problem: '" + r.problem()
                        + "' is not an objective of " + r.service() + "; it has " + entry.objectives().stream()
                        .map(Objective::name).toList()));
        List<String> affected = customers(r.customers());
        required("owner", r.owner());
        LocalDate target = date("targetDate", r.targetDate());
        Hypothesis hypothesis = hypothesis(objective, r);
        FixStore.Plan plan = new FixStore.Plan(r.title() == null ? "" : r.title().strip(), entry.service().name(),
                objective.name(), affected, effects.snapshot(entry.service().name(), affected, hypothesis.figure()),
                r.owner().strip(), target, hypothesis);
        TrackedFix fix = store.track(plan, by);
        tracker.ifPresent(t -> t.post(fix, by));
        return new Tracked(fix, Optional.empty());
    }

    /**
     * Marks fix {@code id} shipped at {@code at}, or at the start of {@code deployAnnotation} when {@code at} is null;
     * empty for an unknown fix.
     */
    public Optional<Tracked> shipped(UUID id, Instant at, UUID deployAnnotation, String by) {
        Optional<TrackedFix> fix = store.find(id);
        if (fix.isEmpty()) {
            return Optional.empty();
        }
        Instant when = at;
        if (deployAnnotation != null) {
            Annotation a = annotations.find(deployAnnotation).orElseThrow(() -> new IllegalArgumentException(
                    "deployAnnotation: no annotation " + deployAnnotation));
            if (a.kind() != AnnotationKind.DEPLOY || !(a.service().isEmpty() || a.service().equals(fix.get().service()))) {
                throw new IllegalArgumentException("deployAnnotation: " + deployAnnotation + " is not a deploy of "
                        + fix.get().service());
            }
            when = at == null ? a.startsAt() : at;
        }
        if (when == null) {
            throw new IllegalArgumentException("shippedAt: required (an ISO-8601 instant), or a deployAnnotation");
        }
        if (when.isAfter(clock.instant())) {
            throw new IllegalArgumentException("shippedAt: " + when + " is in the future");
        }
        return store.shipped(id, when, deployAnnotation, by).map(this::tracked);
    }

    public Optional<Tracked> find(UUID id) {
        return store.find(id).map(this::tracked);
    }

    /** Every fix, the most recently tracked first. */
    public List<Tracked> all() {
        return store.all().stream().map(this::tracked).toList();
    }

    /** The fixes shipped in [from, to) (a review's month), the earliest shipped first, with their effect as of today. */
    public List<Tracked> shippedIn(Instant from, Instant to) {
        return store.all().stream().filter(f -> f.shippedAt() != null && !f.shippedAt().isBefore(from)
                        && f.shippedAt().isBefore(to)).sorted(java.util.Comparator.comparing(TrackedFix::shippedAt))
                .map(this::tracked).toList();
    }

    private Tracked tracked(TrackedFix fix) {
        return new Tracked(fix, effects.measure(fix));
    }

    private List<String> customers(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("customers: at least one affected customer id is required");
        }
        if (ids.size() > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers: at most " + MAX_CUSTOMERS + ", were " + ids.size());
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank() || !seen.add(id)) {
                throw new IllegalArgumentException("customers[" + i + "]: " + (id == null || id.isBlank() ? "empty"
                        : "'" + id + "' is listed twice"));
            }
            if (customers.history(id).isEmpty()) {
                throw new IllegalArgumentException("customers[" + i + "]: unknown customer '" + id + "'");
            }
        }
        return List.copyOf(ids);
    }

    /** The hypothesis of {@code r}, whose figure must be the one {@code objective}'s indicator is judged on. */
    private static Hypothesis hypothesis(Objective objective, Request r) {
        if (r.figure() == null && r.comparison() == null && r.value() == null) {
            throw new IllegalArgumentException("hypothesis: required: {figure, comparison, value}");
        }
        Hypothesis.Figure figure = Hypothesis.Figure.of("hypothesis.figure", r.figure() == null ? "" : r.figure());
        Hypothesis.Figure expected = objective.indicator() == Indicator.AVAILABILITY ? Hypothesis.Figure.ERROR_RATIO
                : Hypothesis.Figure.P95_MS;
        if (figure != expected) {
            throw new IllegalArgumentException("hypothesis.figure: a " + objective.indicator().name().toLowerCase(
                    java.util.Locale.ROOT) + " problem is judged on " + expected.label() + ", was " + figure.label());
        }
        Hypothesis.Comparison comparison = Hypothesis.Comparison.of("hypothesis.comparison",
                r.comparison() == null ? "" : r.comparison());
        if (r.value() == null) {
            throw new IllegalArgumentException("hypothesis.value: required (a number)");
        }
        return new Hypothesis(figure, comparison, r.value());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required (YYYY-MM-DD)");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (d.getYear() < 2000 || d.getYear() > 2099) {
            throw new IllegalArgumentException(field + ": " + value + " is not within 2000-01-01 to 2099-12-31");
        }
        return d;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        return value.strip();
    }
}
