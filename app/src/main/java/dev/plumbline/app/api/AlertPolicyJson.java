package dev.plumbline.app.api;

import dev.plumbline.sql.alerts.AlertPolicy;
import dev.plumbline.sql.alerts.BurnRule;
import dev.plumbline.sql.alerts.PromDuration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An alert policy as the API reads and writes it: durations in Prometheus' notation ("5m", "1h", "3d").
 *
 * @param name        e.g. sre-workbook (lower case letters, digits, '-')
 * @param description one line
 * @param rules       one to ten rules
 */
@Serdeable
public record AlertPolicyJson(String name, @Nullable String description, List<Rule> rules) {

    /**
     * One burn-rate rule.
     *
     * @param severity      page or ticket
     * @param longWindow    e.g. 1h
     * @param shortWindow   e.g. 5m; empty or absent for a single-window rule
     * @param factor        the burn rate above which it has a result (14.4: 2% of a 30-day budget in 1 h)
     * @param forDuration   how long it must hold before it fires, e.g. 2m (absent: 0m)
     * @param keepFiringFor how long it stays firing after its last result (absent: 0m)
     * @param minRequests   requests the long window must hold (absent: 0)
     */
    @Serdeable
    public record Rule(String name, String severity, String longWindow, @Nullable String shortWindow, double factor,
                       @Nullable String forDuration, @Nullable String keepFiringFor, @Nullable Long minRequests) {

        static Rule of(BurnRule r) {
            return new Rule(r.name(), r.severity().label(), PromDuration.format(r.longWindow()),
                    r.shortWindow() == null ? null : PromDuration.format(r.shortWindow()), r.factor(),
                    PromDuration.format(r.forDuration()), PromDuration.format(r.keepFiringFor()), r.minRequests());
        }

        BurnRule toRule(String where) {
            if (severity == null || !List.of("page", "ticket").contains(severity.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + ".severity: must be page or ticket, was '" + severity + "'");
            }
            try {
                return new BurnRule(name == null ? "" : name.strip(),
                        BurnRule.Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT)),
                        PromDuration.parse(where + ".longWindow", longWindow),
                        shortWindow == null || shortWindow.isBlank() ? null
                                : PromDuration.parse(where + ".shortWindow", shortWindow), factor,
                        forDuration == null || forDuration.isBlank() ? null
                                : PromDuration.parse(where + ".forDuration", forDuration),
                        keepFiringFor == null || keepFiringFor.isBlank() ? null
                                : PromDuration.parse(where + ".keepFiringFor", keepFiringFor),
                        minRequests == null ? 0 : minRequests);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                throw new IllegalArgumentException(message.startsWith(where) ? message : where + "." + message, e);
            }
        }
    }

    public static AlertPolicyJson of(AlertPolicy p) {
        return new AlertPolicyJson(p.name(), p.description(), p.rules().stream().map(Rule::of).toList());
    }

    /**
     * The domain policy; refusals name the field, e.g. {@code candidates[1].rules[0].longWindow: ...} ({@code where}
     * is "" for a policy that is the whole body: {@code rules[0].longWindow: ...}).
     */
    public AlertPolicy toPolicy(String where) {
        String prefix = where.isEmpty() ? "" : where + ".";
        if (rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException(prefix + "rules: a policy has at least one rule");
        }
        List<BurnRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new IllegalArgumentException(prefix + "rules[" + i + "]: must be a rule, was null");
            }
            out.add(rules.get(i).toRule(prefix + "rules[" + i + "]"));
        }
        try {
            return new AlertPolicy(name == null ? "" : name.strip(), description, out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
    }
}
