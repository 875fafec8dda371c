package dev.plumbline.sql.annotation;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records annotations and lists those that overlap a time range. */
public final class AnnotationStore {

    private static final NamedQuery INSERT = NamedQuery.load(AnnotationStore.class, "insert_annotations.sql");
    private static final NamedQuery IN_RANGE = NamedQuery.load(AnnotationStore.class, "list_annotations_in_range.sql");
    private static final NamedQuery BY_ID = NamedQuery.load(AnnotationStore.class, "annotation_by_id.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public AnnotationStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public void insert(List<Annotation> annotations) {
        var now = RowVersions.next(clock);
        clickHouse.insert(INSERT, annotations, (a, c) -> {
            c.set("id", a.id());
            c.set("starts_at", a.startsAt());
            c.set("ends_at", a.endsAt());
            c.set("service", a.service());
            c.set("customer", a.customer());
            c.set("kind", a.kind().sqlValue());
            c.set("text", a.text());
            c.set("link", a.link());
            c.set("created_at", now);
        });
    }

    /** Annotations that overlap [from, to), oldest first. */
    public List<Annotation> inRange(Instant from, Instant to) {
        return find(from, to, "", "", null, 10_000);
    }

    /**
     * Annotations that overlap [from, to), oldest first, at most {@code limit}; {@code service}, {@code customer}
     * ("" for any) and {@code kind} (null for any) narrow the list.
     */
    public List<Annotation> find(Instant from, Instant to, String service, String customer, AnnotationKind kind, int limit) {
        String k = kind == null ? "" : kind.sqlValue();
        return clickHouse.query(IN_RANGE, Params.of("from", from).and("to", to).and("service", service)
                .and("customer", customer).and("kind", k).and("limit", limit), AnnotationStore::annotation);
    }

    /** The annotation {@code id}, if there is one (a fix links the deploy it shipped with). */
    public java.util.Optional<Annotation> find(UUID id) {
        return clickHouse.queryOne(BY_ID, Params.of("id", id.toString()), AnnotationStore::annotation);
    }

    private static Annotation annotation(Row row) {
        return new Annotation(UUID.fromString(row.getString("id")), row.getInstant("starts_at"),
                row.getInstant("ends_at"), row.getString("service"), row.getString("customer"),
                AnnotationKind.fromSql(row.getString("kind")), row.getString("text"), row.getString("link"));
    }
}
