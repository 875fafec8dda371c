package dev.plumbline.dashboards.roi;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.ViewMessage;
import dev.plumbline.dashboards.period.MonthChoice;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.psr.Explanation;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RankingFilter;
import dev.plumbline.sql.psr.SliceRisk;
import dev.plumbline.sql.psr.MoneyText;
import dev.plumbline.sql.psr.PercentText;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ROI ranking: customer x service slices over budget, best return on effort first, each with the sentence that
 * explains it. Filters and the month live in the URL (roi?month=2026-10&segment=enterprise...), so a link shows the
 * same list; the grid pages lazily through the engine's ranking, the same query the REST API answers.
 */
@Prototype
@Route(value = "roi", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_BUSINESS)
@PageTitle("ROI · Plumbline")
public class RoiView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> VOLUME_BANDS = RankingFilter.VOLUME_BANDS;

    private final PsrEngine engine;
    private final PeriodReader periods;
    private final Definitions definitions;
    private final boolean money = CurrentUser.can(Permission.VIEW_MONEY);
    private final Grid<Ranked> grid = new Grid<>();
    private final Select<String> month;
    private final ComboBox<String> segment = filterField("Segment");
    private final ComboBox<String> region = filterField("Region");
    private final ComboBox<String> plan = filterField("Plan");
    private final ComboBox<String> service = filterField("Service");
    private final HorizontalLayout exports = new HorizontalLayout();
    private final Select<String> volumeBand = new Select<>();
    private final IntegerField renewal = new IntegerField("Renews within (days)");
    private final ViewMessage message = new ViewMessage();
    private final Span total = new Span();
    private boolean loading;

    /** A ranked row with its place in the whole list. */
    record Ranked(int rank, SliceRisk risk, String explanation) {
    }

    public RoiView(PsrEngine engine, PeriodReader periods, Definitions definitions) {
        this.engine = engine;
        this.periods = periods;
        this.month = MonthChoice.select(periods);
        this.definitions = definitions;
        setSizeFull();
        addClassName("roi-view");
        Paragraph lead = new Paragraph("Which fix, to which service, for which customers protects the most revenue: "
                + "slices over their error budget, best return on an engineer-week first.");
        lead.addClassName("lead");
        volumeBand.setLabel("Data volume");
        volumeBand.setItems(bands());
        volumeBand.setItemLabelGenerator(b -> b.isEmpty() ? "Any" : b);
        renewal.setWidth("12em");
        month.setWidth("12em");
        volumeBand.setWidth("10em");
        renewal.setMin(0);
        renewal.setMax(3660);
        renewal.setClearButtonVisible(true);
        renewal.addClassName("filter-renewal");
        volumeBand.addClassName("filter-volume-band");
        List.of(month, volumeBand).forEach(s -> s.addValueChangeListener(e -> changed()));
        List.of(segment, region, plan, service).forEach(f -> f.addValueChangeListener(e -> changed()));
        renewal.addValueChangeListener(e -> changed());
        HorizontalLayout filters = new HorizontalLayout(month, segment, region, plan, service, volumeBand, renewal);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("roi-filters");
        total.addClassName("roi-total");
        exports.addClassName("roi-exports");
        configureGrid();
        HorizontalLayout status = new HorizontalLayout(total, exports);
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("ROI ranking"), lead, filters, status, message, grid);
    }

    /**
     * A filter that offers the values present in the data (set per period, {@link PsrEngine#filterValues}); a value
     * typed or linked that no customer has is kept, so the page can say that nothing matches it.
     */
    private static ComboBox<String> filterField(String label) {
        ComboBox<String> f = new ComboBox<>(label);
        f.setClearButtonVisible(true);
        f.setAllowCustomValue(true);
        f.addCustomValueSetListener(e -> f.setValue(e.getDetail().strip()));
        f.setWidth("10em");
        f.addClassName("filter-" + label.toLowerCase(Locale.ROOT));
        return f;
    }

    /** The filter's value as the data spells it when one matches whatever its case ("Enterprise": "enterprise"). */
    private static void offer(ComboBox<String> field, List<String> values, String wanted) {
        field.setItems(values);
        String match = RankingFilter.Values.match(values, wanted);
        field.setValue(wanted == null || wanted.isEmpty() ? null : match.isEmpty() ? wanted : match);
    }

    private static String value(ComboBox<String> field) {
        return field.getValue() == null ? "" : field.getValue();
    }

    private static List<String> bands() {
        List<String> out = new ArrayList<>(List.of(""));
        out.addAll(VOLUME_BANDS);
        return out;
    }

    private void configureGrid() {
        grid.addClassName("roi-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(Ranked::rank).setHeader("#").setKey("rank").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new com.vaadin.flow.component.html.Anchor("customer?id="
                + java.net.URLEncoder.encode(r.risk().customer(), java.nio.charset.StandardCharsets.UTF_8),
                r.risk().account().known() ? r.risk().account().name() : r.risk().customer()))
                .setHeader("Customer").setKey("customer").setFlexGrow(2);
        grid.addComponentColumn(r -> new com.vaadin.flow.component.html.Anchor("service?name=" + r.risk().service(),
                r.risk().service())).setHeader("Service").setKey("service");
        if (money) {
            grid.addColumn(r -> money(r.risk().money().revenueAtRisk())).setHeader(header("Revenue at risk", "revenue-at-risk"))
                    .setKey("revenueAtRisk").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(r -> money(r.risk().money().roi()) + " / wk").setHeader(header("ROI", "roi")).setKey("roi")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        } else {
            grid.addColumn(r -> String.format(Locale.ROOT, "%.0f", r.risk().score().relativeScore()))
                    .setHeader(header("Score", "relative-score")).setKey("relativeScore").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(r -> String.format(Locale.ROOT, "%.1fx", r.risk().burn().badness())).setHeader(header("Burn", "badness"))
                .setKey("badness").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> PercentText.of(r.risk().traffic().exposure(), 0))
                .setHeader(header("Exposure", "exposure")).setKey("exposure").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.risk().burn().worstKind()).setHeader("Problem").setKey("problem").setAutoWidth(true)
                .setFlexGrow(0);
        // one line per row, so a screen holds a dozen; the sentence that explains the place opens under its row
        grid.addColumn(r -> "▸ why").setHeader("").setKey("why").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(r -> "why");
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(r -> {
            com.vaadin.flow.component.html.Paragraph why = new com.vaadin.flow.component.html.Paragraph(r.explanation());
            why.addClassName("roi-why");
            return why;
        }));
        grid.setDetailsVisibleOnClick(true);
    }

    private Span header(String text, String definition) {
        return FigureHelp.explain(new Span(text), definitions.get(definition));
    }

    private String money(double amount) {
        return MoneyText.of(amount, engine.rates().reporting());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        loading = true;
        MonthChoice.Choice choice = MonthChoice.show(month, first(q, "month"), periods, engine.monthsWithData());
        RankingFilter.Values values = new RankingFilter.Values(List.of(), List.of(), List.of(), List.of());
        if (choice.problem() == null) {
            try {
                values = engine.filterValues(periods.parse(month.getValue(), null, null));
            } catch (StoreException e) {
                // the filters offer nothing; the ranking below says what failed
            }
        }
        offer(segment, values.segments(), first(q, "segment"));
        offer(region, values.regions(), first(q, "region"));
        offer(plan, values.plans(), first(q, "plan"));
        offer(service, values.services(), first(q, "service"));
        volumeBand.setValue(bands().contains(first(q, "volumeBand")) ? first(q, "volumeBand") : "");
        String days = first(q, "renewalWithinDays");
        renewal.setValue(days.matches("\\d{1,4}") ? Integer.valueOf(days) : null);
        loading = false;
        if (choice.problem() != null) {
            total.setText("");
            grid.setVisible(false);
            show(choice.problem(), true);
            return;
        }
        load();
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() || v.getFirst() == null ? "" : v.getFirst().strip();
    }

    /** A filter changed: the URL follows (so the page can be linked), then the list. */
    private void changed() {
        if (loading) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "month", month.getValue());
        put(params, "segment", value(segment));
        put(params, "region", value(region));
        put(params, "plan", value(plan));
        put(params, "service", value(service));
        put(params, "volumeBand", volumeBand.getValue());
        put(params, "renewalWithinDays", renewal.getValue() == null ? "" : renewal.getValue().toString());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("roi", QueryParameters.simple(params))));
        load();
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }

    private void load() {
        message.setVisible(false);
        grid.setVisible(true);
        Period period = periods.parse(month.getValue(), null, null);
        RankingFilter filter = new RankingFilter(value(segment), value(region), value(plan), value(service),
                volumeBand.getValue(), renewal.getValue() == null ? 0 : renewal.getValue());
        exports(period, filter);
        try {
            long count = engine.ranking(period, filter, 0, 1).total();
            total.setText(count == 0 ? "" : count + " slices over budget in " + PeriodParameters.label(period));
            if (count == 0) {
                show(filter.any()
                        ? "No slice over budget matches these filters in " + PeriodParameters.label(period) + " (of "
                                + engine.ranking(period, RankingFilter.NONE, 0, 1).total() + " over budget without them)."
                        : "Nothing is over budget in " + PeriodParameters.label(period) + ": every slice stayed within "
                                + "its objectives (or no telemetry was collected).", false);
                grid.setVisible(false);
                return;
            }
            java.time.LocalDate today = engine.today();
            grid.setItems(query -> {
                var page = engine.ranking(period, filter, query.getOffset(), query.getLimit());
                List<Ranked> rows = new ArrayList<>();
                for (int i = 0; i < page.rows().size(); i++) {
                    SliceRisk r = page.rows().get(i);
                    rows.add(new Ranked(query.getOffset() + i + 1, r, Explanation.of(r, engine.rates().reporting(),
                            today, money)));
                }
                return rows.stream();
            }, query -> (int) Math.min(Integer.MAX_VALUE, count));
        } catch (StoreException e) {
            show(StoreFailure.describe("The ranking cannot be computed", e), true);
            grid.setVisible(false);
        }
    }

    /** The API's CSV of the same ranking (the same filters), for roles that may export. */
    private void exports(Period period, RankingFilter filter) {
        exports.removeAll();
        if (!CurrentUser.can(Permission.EXPORT)) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "month", month.getValue());
        put(params, "segment", filter.segment());
        put(params, "region", filter.region());
        put(params, "plan", filter.plan());
        put(params, "service", filter.service());
        put(params, "volumeBand", filter.volumeBand());
        put(params, "renewalWithinDays", filter.renewalWithinDays() == 0 ? "" : String.valueOf(filter.renewalWithinDays()));
        String query = QueryParameters.simple(params).getQueryString();
        com.vaadin.flow.component.html.Anchor csv = new com.vaadin.flow.component.html.Anchor(
                "api/v1/rankings/slices.csv" + (query.isEmpty() ? "" : "?" + query), "Export CSV");
        csv.getElement().setAttribute("download", true);
        csv.addClassName("export-csv");
        com.vaadin.flow.component.html.Anchor pack = new com.vaadin.flow.component.html.Anchor(
                "api/v1/rankings/slices.csv?" + (query.isEmpty() ? "" : query + "&") + "format=datapackage", "Data package");
        pack.getElement().setAttribute("download", true);
        pack.addClassName("export-datapackage");
        exports.add(csv, pack);
    }

    private void show(String text, boolean error) {
        message.show(text, error);
    }
}
