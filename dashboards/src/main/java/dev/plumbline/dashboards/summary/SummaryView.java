package dev.plumbline.dashboards.summary;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.fixes.FixText;
import dev.plumbline.dashboards.period.MonthChoice;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.dashboards.chart.TimeChart;
import dev.plumbline.sql.psr.PercentText;
import dev.plumbline.sql.psr.PlatformDay;
import dev.plumbline.sql.psr.PlatformSummary;
import dev.plumbline.sql.psr.Trends;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.ServiceRisk;
import dev.plumbline.sql.psr.MoneyText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * One page for executives: the platform's availability against last period and per day, services meeting their
 * objectives, requests within latency objectives, the share of ARR inside objectives and the revenue at risk, each
 * against the previous period, and the five largest risks grouped by the fix that removes them. The month is in the
 * URL (summary?month=2026-10). Figures from the engine, as /api/v1/summary and /api/v1/rankings/services.
 */
@Prototype
@Route(value = "summary", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_BUSINESS)
@PageTitle("Summary · Plumbline")
public class SummaryView extends VerticalLayout implements BeforeEnterObserver {

    private final PsrEngine engine;
    private final PeriodReader periods;
    private final Definitions definitions;
    private final boolean money = CurrentUser.can(Permission.VIEW_MONEY);
    private final Select<String> month;
    private final Div cards = new Div();
    private final Div trend = new Div();
    private final OrderedList risks = new OrderedList();
    private final Div message = new Div();
    private final Span periodLabel = new Span();
    private boolean loading;
    private String note = "";

    public SummaryView(PsrEngine engine, PeriodReader periods, Definitions definitions) {
        this.engine = engine;
        this.periods = periods;
        this.month = MonthChoice.select(periods);
        this.definitions = definitions;
        addClassName("summary-view");
        month.addValueChangeListener(e -> {
            if (!loading) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("summary",
                        QueryParameters.simple(Map.of("month", e.getValue())))));
                note = "";
                load();
            }
        });
        cards.addClassName("summary-cards");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        risks.addClassName("summary-risks");
        message.addClassName("view-message");
        message.setVisible(false);
        periodLabel.addClassName("summary-period");
        trend.setWidthFull();
        HorizontalLayout top = new HorizontalLayout(new H2("Summary"), month, periodLabel);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.setSpacing(true);
        add(top, message, cards, trend, new H3("Largest risks"), risks);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> m = event.getLocation().getQueryParameters().getParameters().getOrDefault("month", List.of());
        loading = true;
        MonthChoice.Choice choice = MonthChoice.show(month, m.isEmpty() ? "" : m.getFirst(), periods,
                engine.monthsWithData());
        loading = false;
        note = MonthChoice.defaultNote(choice, periods);
        if (choice.problem() != null) {
            clear();
            periodLabel.setText("");
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            show(choice.problem());
            return;
        }
        load();
    }

    private void clear() {
        cards.removeAll();
        trend.removeAll();
        risks.removeAll();
        message.setVisible(false);
        message.removeClassName("error");
        message.getElement().setAttribute("role", "status");
    }

    private void load() {
        clear();
        Period period = periods.parse(month.getValue(), null, null);
        periodLabel.setText(PeriodParameters.label(period) + (note.isEmpty() ? "" : " (" + note + ")") + ", compared with "
                + PeriodParameters.label(period.previous()));
        try {
            PsrEngine.Summary summary = engine.summary(period, 0);
            PlatformSummary s = summary.figures();
            if (s.availability() == null) {
                show("No telemetry was collected in " + PeriodParameters.label(period) + ".");
                return;
            }
            periodLabel.setText(periodLabel.getText() + SummaryCards.noComparison(summary));
            SummaryCards.of(summary, PeriodParameters.label(period.previous()), money, engine.rates().reporting())
                    .forEach(card -> cards.add(card(card.definition(), card.title(), card.value(), card.change())));
            trend.add(availabilityTrend(period, s.availabilityObjective()));
            List<ServiceRisk> top = ServiceRisk.largestRisks(engine.rankingByService(period, 0, 1000).rows(), 5);
            if (top.isEmpty()) {
                risks.add(new ListItem("Nothing is over budget: every customer's services stayed within objectives."));
            }
            for (ServiceRisk r : top) {
                risks.add(risk(r));
            }
        } catch (StoreException e) {
            message.getElement().setAttribute("role", "alert");
            message.addClassName("error");
            show(StoreFailure.describe("The summary cannot be computed", e));
        }
    }

    /** "$1.2M at risk: search, latency (5.9x budget): 25 customers, largest Big Corp", each part a link. */
    private ListItem risk(ServiceRisk r) {
        ListItem item = new ListItem();
        item.addClassName("summary-risk");
        item.getElement().setAttribute("data-service", r.service());
        if (money) {
            Span amount = new Span(money(r.revenueAtRisk()) + " at risk: ");
            amount.addClassName("risk-amount");
            item.add(amount);
        }
        Anchor service = new Anchor(FixText.serviceLink(r), r.service());
        service.addClassName("risk-service");
        Anchor customers = new Anchor(FixText.customersLink(r, month.getValue()), FixText.customers(r));
        customers.addClassName("risk-customers");
        item.add(service, new Span(", " + FixText.problem(r) + ": "), customers);
        if (!r.largestCustomer().isEmpty()) {
            Anchor largest = new Anchor(FixText.largestLink(r, month.getValue()), FixText.largest(r));
            largest.addClassName("risk-largest");
            item.add(new Span(", largest "), largest);
        }
        return item;
    }

    /**
     * The platform's availability per day over the period and the one before, from the first day with telemetry (no
     * empty half for a month without data), with the platform's availability objective as a line.
     */
    private Div availabilityTrend(Period period, Double objective) {
        List<PlatformDay> days = engine.platformDays(period).stream().dropWhile(d -> !(d.requests() > 0)).toList();
        List<Double> values = days.stream().map(d -> d.availability() == null ? null : 100 * d.availability()).toList();
        Chart chart = new Chart(new TimeChart("Platform availability per day", "%",
                days.stream().map(PlatformDay::day).toList(), List.of(new TimeChart.Line("availability", values),
                new TimeChart.Line("7-day average", Trends.movingAverage(values, 7))), false, null, List.of(),
                objective == null ? null : new TimeChart.Threshold(100 * objective, "objective "
                        + PercentText.of(objective, 3))));
        chart.setHeight("13em");   // the cards, the chart and the five risks fit one laptop screen
        Div holder = new Div(chart);
        holder.addClassName("summary-trend");
        holder.setWidthFull();
        return holder;
    }

    private Div card(String definition, String title, String value, String change) {
        Div card = new Div();
        card.addClassName("summary-card");
        card.getElement().setAttribute("data-figure", definition);
        card.getStyle().set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "9em").set("flex", "1 1 0").set("box-sizing", "border-box");
        Span name = FigureHelp.explain(new Span(title), definitions.get(definition));
        name.addClassName("card-title");
        Div big = new Div(value);
        big.addClassName("card-value");
        big.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        card.add(name, big);
        if (!change.isEmpty()) {
            Span c = new Span(change);
            c.addClassName("card-change");
            card.add(c);
        }
        return card;
    }

    private String money(double amount) {
        return MoneyText.of(amount, engine.rates().reporting());
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
