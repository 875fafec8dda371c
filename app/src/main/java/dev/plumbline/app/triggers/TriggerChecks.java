package dev.plumbline.app.triggers;

import dev.plumbline.app.notify.Destination;
import dev.plumbline.app.notify.Destinations;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.outbox.Notification.Channel;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.triggers.Comparison;
import dev.plumbline.sql.triggers.CustomerSet;
import dev.plumbline.sql.triggers.Figure;
import dev.plumbline.sql.triggers.Rule;
import dev.plumbline.sql.triggers.Trigger;
import dev.plumbline.sql.triggers.TriggerInput;
import dev.plumbline.sql.triggers.TriggerLabels;
import dev.plumbline.sql.triggers.TriggerRefused;
import dev.plumbline.sql.triggers.TriggerRefused.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a trigger as given (request body, form) into a trigger, or refuses it naming the first field at fault:
 * figures of the definitions catalog, services of the catalog, customers and segments of the customer records,
 * destinations of the configuration that take alerts. The API and the Triggers page check the same way.
 */
public final class TriggerChecks {

    private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    private final Destinations destinations;
    private final ServiceCatalogStore catalog;
    private final CustomerStore customers;
    private final PsrEngine engine;
    private final Definitions definitions;
    private final Clock clock;

    public TriggerChecks(Destinations destinations, ServiceCatalogStore catalog, CustomerStore customers,
                         PsrEngine engine, Definitions definitions, Clock clock) {
        this.destinations = destinations;
        this.catalog = catalog;
        this.customers = customers;
        this.engine = engine;
        this.definitions = definitions;
        this.clock = clock;
    }

    /**
     * The trigger {@code in} describes, under {@code id} (null: the input's id, or a new one).
     *
     * @param mayShowMoney whether the caller may see money (view-money): needed for includeMoney
     */
    public Trigger check(TriggerInput in, String id, boolean mayShowMoney) {
        if (in == null) {
            throw new TriggerRefused("body", "a trigger (JSON object: name, figure, comparison, threshold, "
                    + "destination, owner, ...)");
        }
        String triggerId = id != null ? id : in.id() == null ? "t-" + UUID.randomUUID().toString().substring(0, 8)
                : in.id().strip();
        if (!triggerId.matches(ID)) {
            throw new TriggerRefused("id", "'" + triggerId + "' must be 1-64 lower-case letters, digits and '-'");
        }
        String name = required(in.name(), "name");
        if (name.length() > 100) {
            throw new TriggerRefused("name", "at most 100 characters, was " + name.length());
        }
        Figure figure = Figure.fromKey(required(in.figure(), "figure")).filter(f -> definitions.find(f.definition())
                .isPresent()).orElseThrow(() -> new TriggerRefused("figure", "'" + in.figure() + "' is not one of "
                        + Arrays.stream(Figure.values()).map(Figure::key).collect(Collectors.joining(", "))));
        String service = Objects.requireNonNullElse(in.service(), "").strip();
        if (figure.needsService() && service.isEmpty()) {
            throw new TriggerRefused("service", "required for " + figure.key() + " (the slice's service)");
        }
        if (figure == Figure.HEALTH && !service.isEmpty()) {
            throw new TriggerRefused("service", "health is over all of a customer's services; leave it out");
        }
        if (!service.isEmpty() && catalog.find(service).isEmpty()) {
            throw new TriggerRefused("service", "'" + service + "' is not in the service catalog");
        }
        int hours = in.windowHours() == null ? 6 : in.windowHours();
        Duration window = Duration.ofHours(hours);
        if (window.compareTo(Rule.SHORTEST) < 0 || window.compareTo(Rule.LONGEST) > 0) {
            throw new TriggerRefused("windowHours", "from 1 to " + Rule.LONGEST.toHours() + ", was " + hours);
        }
        Comparison comparison = Comparison.fromKey(required(in.comparison(), "comparison")).orElseThrow(() ->
                new TriggerRefused("comparison", "'" + in.comparison() + "' is not one of above, below"));
        double threshold = threshold(figure, in.threshold());
        Rule rule = new Rule(figure, service, window, comparison, threshold);
        CustomerSet set = customerSet(in);
        Destination destination = destination(in.destination());
        String owner = required(in.owner(), "owner");
        int cooldown = in.cooldownMinutes() == null ? 0 : in.cooldownMinutes();
        if (cooldown < 0 || cooldown > 43_200) {
            throw new TriggerRefused("cooldownMinutes", "from 0 to 43200 (30 days), was " + cooldown);
        }
        boolean money = Boolean.TRUE.equals(in.includeMoney());
        if (money && !mayShowMoney) {
            throw new TriggerRefused(Kind.FORBIDDEN, "includeMoney", "sending money needs the view-money permission");
        }
        if (figure.money() && !money) {
            throw new TriggerRefused("includeMoney", figure.key() + " is an amount of money, so its messages carry "
                    + "money: set includeMoney to true, for a destination whose audience may see it");
        }
        return new Trigger(triggerId, name, rule, set, destination.name(), owner, Duration.ofMinutes(cooldown),
                Boolean.TRUE.equals(in.onlyOnce()), !Boolean.FALSE.equals(in.enabled()), money,
                TriggerLabels.check(in.labels()));
    }

    private static double threshold(Figure figure, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new TriggerRefused("threshold", "required, a number" + (value == null ? "" : ", was " + value));
        }
        if (value < 0 || figure == Figure.HEALTH && value > 100) {
            throw new TriggerRefused("threshold", figure == Figure.HEALTH ? "health is from 0 to 100, was " + value
                    : "must not be negative, was " + value);
        }
        return value;
    }

    private CustomerSet customerSet(TriggerInput in) {
        List<String> ids = in.customerIds() == null ? List.of() : in.customerIds().stream().map(String::strip).toList();
        LocalDate today = LocalDate.now(clock);
        for (String id : ids) {
            if (id.isEmpty() || customers.find(id, today).isEmpty()) {
                throw new TriggerRefused("customerIds", "'" + id + "' is not a known customer");
            }
        }
        String segment = Objects.requireNonNullElse(in.segment(), "").strip();
        if (!segment.isEmpty() && !engine.filterValues(Period.days(today, today)).segments().contains(segment)) {
            throw new TriggerRefused("segment", "'" + segment + "' is not a segment of any customer");
        }
        if (in.arrAbove() != null && (!Double.isFinite(in.arrAbove()) || in.arrAbove() < 0)) {
            throw new TriggerRefused("arrAbove", "must be a number of 0 or more, was " + in.arrAbove());
        }
        if (in.renewingWithinDays() != null && (in.renewingWithinDays() < 0 || in.renewingWithinDays() > 3650)) {
            throw new TriggerRefused("renewingWithinDays", "from 0 to 3650, was " + in.renewingWithinDays());
        }
        return new CustomerSet(ids, segment, in.arrAbove(), in.renewingWithinDays());
    }

    private Destination destination(String name) {
        String given = required(name, "destination");
        Destination d = destinations.find(given).orElseThrow(() -> new TriggerRefused("destination", "'" + given
                + "' is not configured (plumbline.notify.destinations." + given + "); configured: "
                + destinations.all().stream().map(Destination::name).collect(Collectors.joining(", "))));
        if (d.channel() == Channel.TRACKER) {
            throw new TriggerRefused("destination", "'" + given + "' is an issue tracker, which takes no alerts");
        }
        return d;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TriggerRefused(field, "required");
        }
        return value.strip();
    }
}
