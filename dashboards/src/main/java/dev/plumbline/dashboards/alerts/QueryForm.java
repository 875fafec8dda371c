package dev.plumbline.dashboards.alerts;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.plumbline.dashboards.catalog.ObjectiveText;
import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Objective;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What to replay and how to count: service, objective, customer or segment, range (UTC days; empty: the API's
 * default, the last 90 days), business hours, time zone and cooldown. Shows an {@link AlertsQuery} and reads one
 * back; tells its listener on every change (a text field when it is left or Enter is pressed).
 */
final class QueryForm extends Div {

    static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private final ComboBox<CatalogEntry> service = new ComboBox<>("Service");
    private final Select<Objective> objective = new Select<>();
    private final TextField customer = text("Customer", "all customers", "10em");
    private final TextField segment = text("Segment", "all segments", "10em");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC, exclusive)");
    private final TextField zone = text("Time zone", "UTC", "11em");
    private final TextField dayStart = text("Business hours from", "09:00", "9em");
    private final TextField dayEnd = text("to", "18:00", "6em");
    private final CheckboxGroup<String> workdays = new CheckboxGroup<>("Workdays");
    private final TextField cooldown = text("Flap cooldown", "30m", "8em");
    private boolean showing;

    QueryForm(List<CatalogEntry> services, Runnable onChange) {
        addClassName("alerts-form");
        service.setItems(services);
        service.setItemLabelGenerator(e -> e.service().displayName() + " (" + e.service().name() + ")");
        service.setWidth("16em");
        service.addClassName("alerts-service");
        objective.setLabel("Objective");
        objective.setItemLabelGenerator(o -> o.name() + ": " + ObjectiveText.describe(o));
        objective.setWidth("22em");
        objective.addClassName("alerts-objective");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setPlaceholder("90 days before To");
        to.setPlaceholder("now");
        from.addClassName("alerts-from");
        to.addClassName("alerts-to");
        workdays.setItems(DAYS);
        workdays.setItemLabelGenerator(d -> d.substring(0, 1).toUpperCase(Locale.ROOT) + d.substring(1, 3));
        workdays.addClassName("alerts-workdays");
        service.addValueChangeListener(e -> {
            objective.setItems(e.getValue() == null ? List.of() : e.getValue().objectives());
            if (e.getValue() != null && !showing && !e.getValue().objectives().isEmpty()) {
                objective.setValue(e.getValue().objectives().getFirst());
            }
        });
        List<HasValue<?, ?>> fields = List.of(service, objective, customer, segment, from, to, zone, dayStart, dayEnd,
                workdays, cooldown);
        fields.forEach(f -> f.addValueChangeListener(e -> {
            if (!showing && e.isFromClient()) {
                onChange.run();
            }
        }));
        add(row("alerts-what", service, objective, customer, segment, from, to),
                row("alerts-settings", zone, dayStart, dayEnd, workdays, cooldown));
    }

    void show(AlertsQuery q) {
        showing = true;
        CatalogEntry entry = service.getListDataView().getItems().filter(e -> e.service().name().equals(q.service()))
                .findFirst().orElse(null);
        service.setValue(entry);
        objective.setItems(entry == null ? List.of() : entry.objectives());
        objective.setValue(entry == null ? null : entry.objectives().stream()
                .filter(o -> o.name().equals(q.objective())).findFirst().orElse(null));
        customer.setValue(q.customer());
        segment.setValue(q.segment());
        from.setValue(day(q.from()));
        to.setValue(day(q.to()));
        zone.setValue(q.zone());
        dayStart.setValue(q.dayStart());
        dayEnd.setValue(q.dayEnd());
        workdays.setValue(new LinkedHashSet<>(q.workdays().isEmpty() ? DAYS.subList(0, 5)
                : q.workdays().stream().filter(DAYS::contains).toList()));
        cooldown.setValue(q.cooldown());
        showing = false;
    }

    /** {@code base} (its candidates) with what the form shows; a range day kept as written when it is unchanged. */
    AlertsQuery read(AlertsQuery base) {
        String service = this.service.getValue() == null ? "" : this.service.getValue().service().name();
        String objective = this.objective.getValue() == null ? "" : this.objective.getValue().name();
        List<String> days = DAYS.stream().filter(workdays.getValue()::contains).toList();
        return base.withService(service, objective).withSlice(customer.getValue(), segment.getValue())
                .withRange(instant(base.from(), from.getValue()), instant(base.to(), to.getValue()))
                .withSettings(zone.getValue(), dayStart.getValue(), dayEnd.getValue(),
                        days.equals(DAYS.subList(0, 5)) ? List.of() : days, cooldown.getValue());
    }

    /** The day an API instant falls on (UTC), or none when it is blank or not an instant. */
    private static LocalDate day(String instant) {
        try {
            return instant.isBlank() ? null : LocalDate.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The start of {@code day} as the API writes instants; {@code before} when it names that day already. */
    private static String instant(String before, LocalDate day) {
        if (day == null) {
            return day(before) == null && !before.isBlank() ? before : "";
        }
        return day.equals(day(before)) ? before : day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static HorizontalLayout row(String className, com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.addClassName(className);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private static TextField text(String label, String placeholder, String width) {
        TextField f = new TextField(label);
        f.setPlaceholder(placeholder);
        f.setWidth(width);
        f.setMaxLength(100);
        f.setClearButtonVisible(true);
        f.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        return f;
    }
}
