package dev.plumbline.sql.annotation;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.RowVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records annotations and lists those that overlap a time range. */
public final class AnnotationStore {

    private static final NamedQuery INSERT = NamedQuery.load(AnnotationStore.class, "insert_annotations.sql");
    private static final NamedQuery IN_RANGE = NamedQuery.load(AnnotationStore.class, "list_annotations_in_range.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public AnnotationStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public void insert(List<Annotation> annotations) {
        var now = RowVersions.next(clock);
        clickHouse.insert(INSERT, annotations, (s, a) -> {
            s.setObject(1, a.id());
            s.setObject(2, a.startsAt());
            s.setObject(3, a.endsAt());
            s.setString(4, a.service());
            s.setString(5, a.customer());
            s.setString(6, a.kind().sqlValue());
            s.setString(7, a.text());
            s.setString(8, a.link());
            s.setObject(9, now);
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
        return clickHouse.query(IN_RANGE, AnnotationStore::annotation, to, from, from, service, service, customer,
                customer, k, k, limit);
    }

    private static Annotation annotation(ResultSet row) throws SQLException {
        Timestamp ends = row.getTimestamp("ends_at");
        return new Annotation(UUID.fromString(row.getString("id")), row.getTimestamp("starts_at").toInstant(),
                ends == null ? null : ends.toInstant(), row.getString("service"), row.getString("customer"),
                AnnotationKind.fromSql(row.getString("kind")), row.getString("text"), row.getString("link"));
    }
}
