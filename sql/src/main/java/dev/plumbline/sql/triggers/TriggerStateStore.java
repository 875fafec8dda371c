package dev.plumbline.sql.triggers;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.Params;
import dev.plumbline.sql.Row;
import dev.plumbline.sql.RowVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of each trigger's subjects, kept so that a restart neither fires again what was sent firing nor forgets
 * a firing it must resolve. A change is a new row version of (trigger, subject); unchanged subjects are not written.
 */
public final class TriggerStateStore {

    private static final Instant NONE = Instant.EPOCH;
    private static final NamedQuery INSERT = NamedQuery.load(TriggerStateStore.class, "insert_trigger_state.sql");
    private static final NamedQuery STATES = NamedQuery.load(TriggerStateStore.class, "trigger_states.sql");
    private static final NamedQuery LAST_SAVED = NamedQuery.load(TriggerStateStore.class, "trigger_last_saved.sql");

    private final ClickHouse clickHouse;
    private final Clock clock;

    public TriggerStateStore(ClickHouse clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** The latest state of every subject of trigger {@code triggerId}, by subject. */
    public Map<String, SubjectState> states(String triggerId) {
        Map<String, SubjectState> out = new LinkedHashMap<>();
        clickHouse.query(STATES, Params.of("trigger_id", triggerId), TriggerStateStore::state)
                .forEach(s -> out.put(s.subject(), s));
        return out;
    }

    /** When trigger {@code triggerId}'s states were last saved (an evaluation instant); empty when it has none. */
    public java.util.Optional<Instant> lastSaved(String triggerId) {
        return clickHouse.queryOne(LAST_SAVED, Params.of("trigger_id", triggerId), row -> row.getLong("subjects") == 0
                ? java.util.Optional.<Instant>empty() : java.util.Optional.of(row.getInstant("last_saved")))
                .flatMap(java.util.function.Function.identity());
    }

    /** Writes those of {@code states} that differ from {@code before} (the value aside), at {@code evaluatedAt}. */
    public void save(String triggerId, Map<String, SubjectState> before, List<SubjectState> states, Instant evaluatedAt) {
        List<SubjectState> changed = states.stream().filter(s -> !sameBut(before.get(s.subject()), s)).toList();
        if (changed.isEmpty()) {
            return;
        }
        Instant version = RowVersions.next(clock);
        clickHouse.insert(INSERT, changed, (s, c) -> {
            c.set("trigger_id", triggerId);
            c.set("subject", s.subject());
            c.set("row_version", version);
            c.set("breaching", s.breaching());
            c.set("since", s.since() == null ? NONE : s.since());
            c.set("notified", s.notified());
            c.set("last_fired_at", s.lastFiredAt() == null ? NONE : s.lastFiredAt());
            c.set("fired_count", s.firedCount());
            c.set("value", s.value());
            c.set("evaluated_at", evaluatedAt);
        });
    }

    private static boolean sameBut(SubjectState was, SubjectState now) {
        return was != null && was.breaching() == now.breaching() && java.util.Objects.equals(was.since(), now.since())
                && was.notified() == now.notified() && java.util.Objects.equals(was.lastFiredAt(), now.lastFiredAt())
                && was.firedCount() == now.firedCount();
    }

    private static SubjectState state(Row row) {
        Instant since = row.getInstant("since");
        Instant fired = row.getInstant("last_fired_at");
        return new SubjectState(row.getString("subject"), row.getBoolean("breaching"), since.equals(NONE) ? null : since,
                row.getBoolean("notified"), fired.equals(NONE) ? null : fired, row.getInt("fired_count"),
                row.getDouble("value"));
    }
}
