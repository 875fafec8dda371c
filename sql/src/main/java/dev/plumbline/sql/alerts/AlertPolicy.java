package dev.plumbline.sql.alerts;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A candidate alert policy for one objective: a named set of burn-rate rules, backtested and exported together.
 *
 * @param name        e.g. {@code sre-workbook}; unique among the candidates of one backtest
 * @param description one line saying what it is
 */
public record AlertPolicy(String name, String description, List<BurnRule> rules) {

    public AlertPolicy {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        rules = List.copyOf(rules);
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1 to 63 lower case letters, digits and '-'");
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rules: a policy has at least one rule");
        }
        if (rules.size() > 10) {
            throw new IllegalArgumentException("rules: at most 10, was " + rules.size());
        }
        Set<String> names = new HashSet<>();
        for (BurnRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("rules: the name '" + r.name() + "' is used twice");
            }
        }
    }

    /** The longest window any rule reads. */
    public Duration lookback() {
        return rules.stream().map(BurnRule::lookback).max(Duration::compareTo).orElseThrow();
    }
}
