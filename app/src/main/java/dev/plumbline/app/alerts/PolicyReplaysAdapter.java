package dev.plumbline.app.alerts;

import dev.plumbline.dashboards.service.PolicyReplays;
import dev.plumbline.sql.alerts.AlertBacktests;
import dev.plumbline.sql.alerts.AlertPolicyStore;
import dev.plumbline.sql.alerts.AlertSlice;
import dev.plumbline.sql.alerts.Report;
import dev.plumbline.sql.alerts.ReportSettings;
import dev.plumbline.sql.alerts.SavedPolicy;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Service page's port: each saved policy replayed over last month, as the API's backtest does it with the saved
 * policy as its one candidate (the whole service, default business hours and cooldown).
 */
@Singleton
public class PolicyReplaysAdapter implements PolicyReplays {

    private final AlertPolicyStore policies;
    private final AlertBacktests backtests;
    private final ServiceCatalogStore catalog;
    private final Clock clock;

    public PolicyReplaysAdapter(AlertPolicyStore policies, AlertBacktests backtests, ServiceCatalogStore catalog,
                                Clock clock) {
        this.policies = policies;
        this.backtests = backtests;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public YearMonth lastMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
    }

    @Override
    public List<Replay> lastMonth(String service) {
        List<SavedPolicy> saved = policies.currentOf(service);
        if (saved.isEmpty()) {
            return List.of();
        }
        List<Objective> objectives = catalog.find(service).map(CatalogEntry::objectives).orElse(List.of());
        YearMonth month = lastMonth();
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Replay> out = new ArrayList<>();
        for (SavedPolicy p : saved) {
            Optional<Objective> objective = objectives.stream().filter(o -> o.name().equals(p.objective())).findFirst();
            if (objective.isEmpty()) {
                continue;   // an objective no longer in the catalog
            }
            AlertBacktests.Result result = backtests.run(new AlertBacktests.Request(objective.get(), AlertSlice.SERVICE,
                    from, to, List.of(p.policy()), ReportSettings.DEFAULT));
            Report r = result.reports().getFirst();
            out.add(new Replay(p.objective(), p.policy().name(), p.version(), p.savedBy(), p.savedAt(), from, to,
                    r.alerts(), r.pages(), result.episodes().size(), r.caught(), r.missed(), result.history().note()));
        }
        return out;
    }
}
