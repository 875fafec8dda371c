package dev.plumbline.sql.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.psr.ExploreBy;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Saved views in a real ClickHouse: who lists, opens, changes and deletes which, and each refusal with its field. */
@ExtendWith(ClickHouseExtension.class)
class SavedViewsTest {

    static final Identity PM = who("pat", Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES, Permission.VIEW_MONEY,
            Permission.SAVE_VIEWS);
    static final Identity OTHER_PM = who("kim", Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES,
            Permission.VIEW_MONEY, Permission.SAVE_VIEWS);
    static final Identity ENGINEER = who("eng", Permission.VIEW_SERVICES);
    static final Identity ADMIN = who("root", Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES,
            Permission.VIEW_MONEY, Permission.SAVE_VIEWS, Permission.ADMINISTER);
    static final ExploreQuery P95_BY_SEGMENT = new ExploreQuery(ExploreFigure.P95, ExploreBy.SEGMENT, "search",
            "2026-10", "", "");
    static final ExploreQuery REQUESTS_BY_SERVICE = new ExploreQuery(ExploreFigure.REQUESTS, ExploreBy.SERVICE, "", "",
            "", "");
    static final ExploreQuery RISK_BY_SERVICE = new ExploreQuery(ExploreFigure.REVENUE_AT_RISK, ExploreBy.SERVICE, "",
            "", "", "");
    private SavedViews views;

    @BeforeAll
    static void migrate(TestDatabase db) {
        db.migrate();
    }

    @BeforeEach
    void setUp(TestDatabase db) {
        db.clickHouse().execute(new NamedQuery("empty saved views", "TRUNCATE TABLE saved_views"));
        views = new SavedViews(new SavedViewStore(db.clickHouse(),
                Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void a_private_view_is_its_owners_and_a_shared_one_everyones_who_sees_its_figures() {
        SavedView mine = views.create(PM, "  Search p95 by segment ", false, P95_BY_SEGMENT);
        SavedView traffic = views.create(PM, "Traffic", true, REQUESTS_BY_SERVICE);
        SavedView risk = views.create(PM, "Risk", true, RISK_BY_SERVICE);

        assertThat(mine.name()).isEqualTo("Search p95 by segment");
        assertThat(mine.query()).isEqualTo(P95_BY_SEGMENT);
        assertThat(views.list(PM)).extracting(SavedView::name).containsExactly("Risk", "Search p95 by segment", "Traffic");
        assertThat(views.list(OTHER_PM)).extracting(SavedView::name).containsExactly("Risk", "Traffic");
        // the engineer sees neither money nor customer groupings: only the shared traffic view
        assertThat(views.list(ENGINEER)).extracting(SavedView::name).containsExactly("Traffic");
        assertThat(views.open(ENGINEER, traffic.id()).query()).isEqualTo(REQUESTS_BY_SERVICE);
        assertRefused(() -> views.open(ENGINEER, risk.id()), ViewRefused.Kind.FORBIDDEN, "id");
        assertRefused(() -> views.open(OTHER_PM, mine.id()), ViewRefused.Kind.NOT_FOUND, "id");
        assertRefused(() -> views.open(PM, "no-such-view"), ViewRefused.Kind.NOT_FOUND, "id");
    }

    @Test
    void only_the_owner_or_an_administrator_changes_or_deletes_a_view() {
        SavedView v = views.create(PM, "Traffic", true, REQUESTS_BY_SERVICE);

        SavedView changed = views.update(PM, v.id(), "Traffic by segment", false,
                new ExploreQuery(ExploreFigure.REQUESTS, ExploreBy.SEGMENT, "", "2026-09", "", ""));

        assertThat(changed.id()).isEqualTo(v.id());
        assertThat(changed.createdAt()).isEqualTo(v.createdAt());
        assertThat(views.open(PM, v.id()).query().by()).isEqualTo(ExploreBy.SEGMENT);
        assertThat(views.list(OTHER_PM)).isEmpty();   // no longer shared
        SavedView shared = views.create(PM, "Shared", true, REQUESTS_BY_SERVICE);
        assertRefused(() -> views.update(OTHER_PM, shared.id(), "Mine now", true, REQUESTS_BY_SERVICE),
                ViewRefused.Kind.FORBIDDEN, "id");
        assertRefused(() -> views.delete(OTHER_PM, shared.id()), ViewRefused.Kind.FORBIDDEN, "id");
        assertThat(views.open(PM, shared.id()).name()).isEqualTo("Shared");
        SavedView renamed = views.update(ADMIN, shared.id(), "Shared traffic", true, REQUESTS_BY_SERVICE);
        assertThat(renamed.owner()).isEqualTo("pat");
        assertThat(views.open(PM, shared.id()).name()).isEqualTo("Shared traffic");

        views.delete(ADMIN, shared.id());
        views.delete(PM, v.id());

        assertThat(views.list(PM)).isEmpty();
        assertRefused(() -> views.open(PM, v.id()), ViewRefused.Kind.NOT_FOUND, "id");
        assertRefused(() -> views.delete(PM, v.id()), ViewRefused.Kind.NOT_FOUND, "id");
    }

    @Test
    void names_are_required_short_and_unique_per_owner_whatever_their_case() {
        views.create(PM, "Traffic", false, REQUESTS_BY_SERVICE);

        assertRefused(() -> views.create(PM, "traffic", false, P95_BY_SEGMENT), ViewRefused.Kind.CONFLICT, "name");
        assertRefused(() -> views.create(PM, "  ", false, P95_BY_SEGMENT), ViewRefused.Kind.INVALID, "name");
        assertRefused(() -> views.create(PM, "x".repeat(101), false, P95_BY_SEGMENT), ViewRefused.Kind.INVALID, "name");
        assertThat(views.create(OTHER_PM, "Traffic", false, REQUESTS_BY_SERVICE).owner()).isEqualTo("kim");
        assertThat(views.list(PM)).extracting(SavedView::name).containsExactly("Traffic");
    }

    @Test
    void saving_needs_save_views_and_figures_the_role_sees() {
        Identity exec = who("exec", Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES, Permission.VIEW_MONEY);
        Identity moneyless = who("m", Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES, Permission.SAVE_VIEWS);

        assertRefused(() -> views.create(exec, "Mine", false, REQUESTS_BY_SERVICE), ViewRefused.Kind.FORBIDDEN, "name");
        assertRefused(() -> views.create(moneyless, "Risk", false, RISK_BY_SERVICE), ViewRefused.Kind.FORBIDDEN,
                "figure");
        assertThat(views.list(exec)).isEmpty();
    }

    private static void assertRefused(Runnable call, ViewRefused.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ViewRefused.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static Identity who(String name, String... permissions) {
        return new Identity(name, name, Set.of("test"), Set.of(permissions), "password");
    }
}
