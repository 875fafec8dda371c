package dev.plumbline.sql.fixes;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tracked fixes, every version kept: tracking writes the first version, marking it shipped the next (who and
 * when, by the application's clock); a fix reads as its latest version (by row version, so two changes within one
 * instant of the clock stay in order).
 */
public final class FixStore {

    private static final NamedQuery INSERT = NamedQuery.load(FixStore.class, "insert_fix.sql");
    private static final NamedQuery VERSIONS = NamedQuery.load(FixStore.class, "fix_versions.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public FixStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** What is known when a fix is tracked. */
    public record Plan(String title, String service, String problem, List<String> customers, Snapshot snapshot,
                       String owner, LocalDate targetDate, Hypothesis hypothesis) {
    }

    /** Tracks {@code plan} as a new planned fix; returns it as stored. */
    public TrackedFix track(Plan plan, String by) {
        Instant now = clock.instant();
        TrackedFix fix = new TrackedFix(UUID.randomUUID(), plan.title(), plan.service(), plan.problem(),
                plan.customers(), plan.snapshot(), plan.owner(), plan.targetDate(), plan.hypothesis(),
                FixState.PLANNED, null, null, by, now, by, now, 1);
        return write(fix);
    }

    /**
     * Marks fix {@code id} shipped at {@code at}, with the deploy annotation it shipped with (null for none); empty
     * when there is no such fix. Marking it again replaces the ship instant (a new version).
     */
    public Optional<TrackedFix> shipped(UUID id, Instant at, UUID deployAnnotation, String by) {
        return find(id).map(f -> write(new TrackedFix(f.id(), f.title(), f.service(), f.problem(), f.customers(),
                f.snapshot(), f.owner(), f.targetDate(), f.hypothesis(), FixState.SHIPPED, at, deployAnnotation,
                f.createdBy(), f.createdAt(), by, clock.instant(), f.version() + 1)));
    }

    public Optional<TrackedFix> find(UUID id) {
        return read(id.toString()).stream().findFirst();
    }

    /** Every tracked fix as it stands, the most recently tracked first. */
    public List<TrackedFix> all() {
        return read("");
    }

    private TrackedFix write(TrackedFix fix) {
        Instant version = RowVersions.next(clock);
        clickHouse.insert(INSERT, List.of(fix), (f, c) -> {
            c.set("id", f.id().toString());
            c.set("row_version", version);
            c.set("service", f.service());
            c.set("problem", f.problem());
            c.set("customers", f.customers());
            c.set("snapshot_from", f.snapshot().from());
            c.set("snapshot_to", f.snapshot().toExclusive());
            c.set("snapshot_requests", f.snapshot().requests());
            c.set("snapshot_value", f.snapshot().value());
            c.set("snapshot_revenue", f.snapshot().revenueAtRisk());
            c.set("owner", f.owner());
            c.set("target_date", f.targetDate());
            c.set("hypothesis_figure", f.hypothesis().figure().label());
            c.set("hypothesis_comparison", f.hypothesis().comparison().label());
            c.set("hypothesis_value", f.hypothesis().value());
            c.set("title", f.title());
            c.set("state", f.state().label());
            c.set("shipped_at", f.shippedAt());
            c.set("deploy_annotation", f.deployAnnotation() == null ? "" : f.deployAnnotation().toString());
            c.set("created_by", f.createdBy());
            c.set("created_at", f.createdAt());
            c.set("updated_by", f.updatedBy());
            c.set("updated_at", f.updatedAt());
        });
        return find(fix.id()).orElseThrow(() -> new IllegalStateException("the tracked fix " + fix.id()
                + " (row version " + version + ") is not found again"));
    }

    private List<TrackedFix> read(String id) {
        return clickHouse.query(VERSIONS, Params.of("id", id), FixStore::fix);
    }

    private static TrackedFix fix(Row row) {
        String annotation = row.getString("deploy_annotation");
        return new TrackedFix(UUID.fromString(row.getString("id")), row.getString("title"), row.getString("service"),
                row.getString("problem"), row.getStrings("customers"),
                new Snapshot(row.getLocalDate("snapshot_from"), row.getLocalDate("snapshot_to"),
                        row.getDouble("snapshot_requests"), row.getDoubleOrNull("snapshot_value"),
                        row.getDouble("snapshot_revenue")),
                row.getString("owner"), row.getLocalDate("target_date"),
                new Hypothesis(Hypothesis.Figure.of("hypothesis_figure", row.getString("hypothesis_figure")),
                        Hypothesis.Comparison.of("hypothesis_comparison", row.getString("hypothesis_comparison")),
                        row.getDouble("hypothesis_value")),
                FixState.of(row.getString("state")), row.getInstant("shipped_at"),
                annotation.isEmpty() ? null : UUID.fromString(annotation), row.getString("created_by"),
                row.getInstant("created_at"), row.getString("updated_by"), row.getInstant("updated_at"),
                row.getInt("version"));
    }
}
