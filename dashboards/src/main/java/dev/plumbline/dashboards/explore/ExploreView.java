package dev.plumbline.dashboards.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.StoreFailure;
import dev.plumbline.dashboards.ViewMessage;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.dashboards.chart.Chart;
import dev.plumbline.dashboards.glossary.FigureHelp;
import dev.plumbline.dashboards.period.MonthChoice;
import dev.plumbline.sql.StoreException;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.definitions.Definitions;
import dev.plumbline.sql.explore.ExploreFigure;
import dev.plumbline.sql.explore.ExploreQuery;
import dev.plumbline.sql.explore.Exploration;
import dev.plumbline.sql.explore.SavedView;
import dev.plumbline.sql.explore.SavedViews;
import dev.plumbline.sql.explore.ViewRefused;
import dev.plumbline.sql.psr.ExploreBy;
import dev.plumbline.sql.psr.Period;
import dev.plumbline.sql.psr.PeriodParameters;
import dev.plumbline.sql.psr.PeriodReader;
import dev.plumbline.sql.psr.PsrEngine;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explore: any figure that adds up over groups ({@link ExploreFigure}, each the definitions catalog's entry), grouped
 * by service, segment, region, plan, data-volume band or customer, on every service or one, for a month, as a chart
 * (the worst groups, this month next to the previous) and a table (every group, the worst first), through the same
 * engine as the other pages ({@link Exploration}, as {@code /api/v1/explore}). Everything is in the URL
 * (explore?figure=p95&by=segment&service=search&month=2026-10); a view is saved by name, private or shared, and opened
 * by URL (explore?view=ID). Roles without view-business group by service only; money needs view-money. Explore changes
 * nothing: the Summary and the Review stay the standard views.
 */
@Prototype
@Route(value = "explore", layout = MainLayout.class)
@RolesAllowed(Permission.VIEW_SERVICES)
@PageTitle("Explore · Plumbline")
public class ExploreView extends VerticalLayout implements BeforeEnterObserver {

    /** Groups drawn in the chart: the worst ones. */
    static final int CHART_GROUPS = 15;

    private final PsrEngine engine;
    private final PeriodReader periods;
    private final Definitions definitions;
    private final SavedViews views;
    private final Identity who = CurrentUser.stored().orElseThrow();
    private final Select<SavedView> saved = new Select<>();
    private final Select<ExploreFigure> figure = new Select<>();
    private final Select<ExploreBy> by = new Select<>();
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final Select<String> month;
    private final Span periodLabel = new Span();
    private final Span figureHelp = new Span();
    private final ViewMessage message = new ViewMessage();
    private final Div chart = new Div();
    private final Grid<Ranked> grid = new Grid<>();
    private final HorizontalLayout actions = new HorizontalLayout();
    private SavedView open;
    /** A range the URL or a saved view names instead of a month (from and to as the API takes them), else "". */
    private String rangeFrom = "";
    private String rangeTo = "";
    private boolean loading;

    /** A row with its place in the table. */
    record Ranked(int rank, Exploration.Row row) {
    }

    public ExploreView(PsrEngine engine, PeriodReader periods, Definitions definitions, SavedViews views) {
        this.engine = engine;
        this.periods = periods;
        this.definitions = definitions;
        this.views = views;
        this.month = MonthChoice.select(periods);
        setSizeFull();
        addClassName("explore-view");

        saved.setLabel("Saved views");
        saved.setWidth("15em");
        saved.addClassName("explore-saved");
        saved.setEmptySelectionAllowed(true);
        saved.setEmptySelectionCaption("None");
        saved.setItemLabelGenerator(v -> v == null ? "None" : v.name() + (v.owner().equals(who.name()) ? "" : " ("
                + v.owner() + ")") + (v.shared() ? " · shared" : ""));
        figure.setLabel("Figure");
        figure.addClassName("explore-figure");
        figure.setItems(Arrays.stream(ExploreFigure.values()).filter(f -> !f.money() || CurrentUser.can(Permission.VIEW_MONEY))
                .toList());
        figure.setItemLabelGenerator(ExploreFigure::label);
        by.setLabel("Group by");
        by.addClassName("explore-by");
        by.setItems(Arrays.stream(ExploreBy.values()).filter(b -> !b.business() || CurrentUser.can(Permission.VIEW_BUSINESS))
                .toList());
        by.setItemLabelGenerator(ExploreBy::label);
        service.addClassName("explore-service");
        service.setPlaceholder("All services");
        service.setClearButtonVisible(true);
        periodLabel.addClassName("explore-period");
        figureHelp.addClassName("explore-definition");

        saved.addValueChangeListener(e -> {
            if (!loading && e.isFromClient()) {
                if (e.getValue() == null) {
                    open = null;
                    navigate(parameters());
                } else {
                    navigate(Map.of("view", e.getValue().id()));
                }
            }
        });
        figure.addValueChangeListener(e -> changed(e.isFromClient()));
        by.addValueChangeListener(e -> changed(e.isFromClient()));
        service.addValueChangeListener(e -> changed(e.isFromClient()));
        month.addValueChangeListener(e -> {
            if (!loading && e.isFromClient() && e.getValue() != null) {   // a month replaces a range
                rangeFrom = "";
                rangeTo = "";
            }
            changed(e.isFromClient());
        });

        Paragraph lead = new Paragraph("Any figure, grouped as you need it, for any month, next to the month before. "
                + "What you find here changes nothing: the Summary and the Review stay the standard views.");
        lead.addClassName("lead");
        HorizontalLayout controls = new HorizontalLayout(saved, figure, by, service, month);
        controls.addClassName("explore-controls");
        controls.setWrap(true);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.addClassName("explore-actions");
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout top = new HorizontalLayout(periodLabel, figureHelp, actions);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        chart.addClassName("explore-chart");
        chart.setWidthFull();
        configureGrid();
        add(new H2("Explore"), lead, controls, top, message, chart, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.addClassName("explore-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        grid.setMinHeight("20em");
        grid.addColumn(Ranked::rank).setHeader("#").setKey("rank").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::group).setHeader("Group").setKey("group").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(r -> ExploreText.value(current().figure(), r.row().value(), currency())).setKey("value")
                .setHeader("value").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> ExploreText.value(current().figure(), r.row().previous(), currency())).setKey("previous")
                .setHeader("Previous").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> ExploreText.change(current().figure(), r.row().change(), currency())).setKey("change")
                .setHeader("Change").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> dev.plumbline.dashboards.review.FigureText.count(r.row().requests())).setKey("requests")
                .setHeader(help("Requests", "requests")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> String.valueOf(r.row().customers())).setKey("customers")
                .setHeader(help("Customers", "customers")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.row().note()).setKey("note").setHeader("Note").setAutoWidth(true).setFlexGrow(1);
    }

    private com.vaadin.flow.component.Component group(Ranked r) {
        boolean known = current().by() != ExploreBy.CUSTOMER || !r.row().label().equals(r.row().key());
        String link = known ? ExploreText.link(current().by(), r.row().key(), current().month()) : null;
        Div cell = new Div();
        cell.add(link == null ? new Span(r.row().label()) : new Anchor(link, r.row().label()));
        if (current().by() == ExploreBy.CUSTOMER && !r.row().label().equals(r.row().key())) {
            Span id = new Span(r.row().key());
            id.addClassName("explore-id");
            cell.add(new Span(" "), id);
        }
        return cell;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        loading = true;
        try {
            List<SavedView> list = views.list(who);
            saved.setItems(list);
            String view = first(p, "view");
            ExploreQuery query;
            open = null;
            if (!view.isEmpty()) {
                try {
                    open = views.open(who, view);
                } catch (ViewRefused e) {
                    saved.clear();
                    hideFigures(e.getMessage().substring(e.field().length() + 2), true);
                    return;
                }
                saved.setValue(list.stream().filter(v -> v.id().equals(open.id())).findFirst().orElse(null));
                // the view as saved, or as changed since (its controls changed: the URL holds them beside the view)
                query = p.containsKey("figure") || p.containsKey("by") ? null : open.query();
            } else {
                saved.clear();
                query = null;
            }
            if (query == null) {
                Optional<String> problem = Optional.empty();
                ExploreFigure f = ExploreFigure.of(orDefault(first(p, "figure"), "requests")).orElse(null);
                ExploreBy b = ExploreBy.of(orDefault(first(p, "by"), "service")).orElse(null);
                if (f == null) {
                    problem = Optional.of("figure: no figure '" + first(p, "figure") + "'; pick one in the list.");
                } else if (b == null) {
                    problem = Optional.of("by: no grouping '" + first(p, "by") + "'; pick one in the list.");
                } else if (f.money() && !CurrentUser.can(Permission.VIEW_MONEY)) {
                    problem = Optional.of("figure: " + f.label() + " is money, which your role does not see.");
                } else if (b.business() && !CurrentUser.can(Permission.VIEW_BUSINESS)) {
                    problem = Optional.of("by: grouping by " + b.label().toLowerCase(java.util.Locale.ROOT)
                            + " shows customer data, which your role does not see; group by service.");
                }
                if (problem.isPresent()) {
                    figure.setValue(f != null && figure.getListDataView().contains(f) ? f : ExploreFigure.REQUESTS);
                    by.setValue(b != null && by.getListDataView().contains(b) ? b : ExploreBy.SERVICE);
                    hideFigures(problem.get(), true);
                    return;
                }
                query = new ExploreQuery(f, b, first(p, "service"), first(p, "month"), first(p, "from"), first(p, "to"));
            }
            figure.setValue(query.figure());
            by.setValue(query.by());
            rangeFrom = "";
            rangeTo = "";
            if (query.month().isEmpty() && (!query.from().isEmpty() || !query.to().isEmpty())) {
                // a range instead of a month: the picker offers the months, none chosen
                Period range;
                try {
                    range = periods.parse(null, blankToNull(query.from()), blankToNull(query.to()));
                } catch (IllegalArgumentException e) {
                    hideFigures(e.getMessage(), true);
                    return;
                }
                rangeFrom = query.from();
                rangeTo = query.to();
                MonthChoice.show(month, "", periods, engine.monthsWithData());
                month.clear();
                service.setItems(services(range));
                service.setValue(query.service().isEmpty() ? null : query.service());
                load("");
                return;
            }
            MonthChoice.Choice choice = MonthChoice.show(month, query.month(), periods, engine.monthsWithData());
            Period period = choice.problem() == null ? periods.parse(month.getValue(), null, null) : null;
            service.setItems(services(period));
            service.setValue(query.service().isEmpty() ? null : query.service());
            if (choice.problem() != null) {
                hideFigures(choice.problem(), true);
                return;
            }
            load(MonthChoice.defaultNote(choice, periods));
        } catch (StoreException e) {
            hideFigures(StoreFailure.describe("Explore cannot read the figures", e), true);
        } finally {
            loading = false;
        }
    }

    /** A control changed: the page's URL follows (a saved view stops being the one shown), and the figures. */
    private void changed(boolean fromClient) {
        if (loading || !fromClient || figure.getValue() == null || by.getValue() == null
                || month.getValue() == null && rangeFrom.isEmpty() && rangeTo.isEmpty()) {
            return;
        }
        navigate(parameters());
    }

    private void navigate(Map<String, String> parameters) {
        getUI().ifPresent(ui -> ui.navigate("explore", QueryParameters.simple(parameters)));
    }

    private Map<String, String> parameters() {
        ExploreQuery q = current();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (open != null) {   // a saved view being changed: it stays the one the page saves to
            out.put("view", open.id());
        }
        out.putAll(ExploreText.parameters(q));
        return out;
    }

    /** What the controls show. */
    private ExploreQuery current() {
        return new ExploreQuery(figure.getValue() == null ? ExploreFigure.REQUESTS : figure.getValue(),
                by.getValue() == null ? ExploreBy.SERVICE : by.getValue(), service.getValue(),
                rangeFrom.isEmpty() && rangeTo.isEmpty() ? month.getValue() : "", rangeFrom, rangeTo);
    }

    private void load(String note) {
        ExploreQuery q = current();
        Period period = q.month().isEmpty() && !(q.from().isEmpty() && q.to().isEmpty())
                ? periods.parse(null, blankToNull(q.from()), blankToNull(q.to())) : periods.parse(month.getValue(), null, null);
        grid.getColumnByKey("previous").setHeader(PeriodParameters.label(period.previous()));
        periodLabel.setText(PeriodParameters.label(period) + " vs " + PeriodParameters.label(period.previous())
                + (note.isEmpty() ? "" : " (" + note + ")"));
        figureHelp.removeAll();
        figureHelp.add(help(q.figure().label(), q.figure().definition()));
        grid.getColumnByKey("value").setHeader(help(q.figure().label(), q.figure().definition()));
        grid.getColumnByKey("customers").setVisible(q.figure() != ExploreFigure.CUSTOMERS && q.by() != ExploreBy.CUSTOMER);
        Exploration e = Exploration.run(engine, q, period);
        actions(q);
        if (e.rows().isEmpty()) {
            hideFigures("Nothing to show: no traffic " + (q.service().isEmpty() ? "" : "on " + q.service() + " ")
                    + "in " + PeriodParameters.label(period) + ".", false);
            actions(q);
            return;
        }
        message.setVisible(false);
        List<Ranked> rows = new java.util.ArrayList<>();
        for (Exploration.Row r : e.rows()) {
            rows.add(new Ranked(rows.size() + 1, r));
        }
        grid.setItems(rows);
        grid.setVisible(true);
        chart.removeAll();
        chart.add(new Chart(ExploreText.chart(e, PeriodParameters.label(period), PeriodParameters.label(period.previous()),
                currency(), CHART_GROUPS)));
        chart.setVisible(true);
    }

    /** Save (save-views), delete (the owner, or an administrator), export (export). */
    private void actions(ExploreQuery q) {
        actions.removeAll();
        if (CurrentUser.can(Permission.SAVE_VIEWS)) {
            boolean mine = open != null && open.owner().equals(who.name());
            if (mine) {
                Button change = new Button("Save changes", e -> saveDialog(q, true));
                change.addClassName("explore-save-changes");
                change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(change);
            }
            Button save = new Button(mine ? "Save as new view" : "Save view", e -> saveDialog(q, false));
            save.addClassName("explore-save");
            if (!mine) {
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(save);
        }
        if (open != null && SavedViews.mayDelete(who, open)) {
            Button delete = new Button("Delete view", e -> {
                try {
                    views.delete(who, open.id());
                    open = null;
                    navigate(parameters());
                } catch (ViewRefused ex) {
                    message.show(ex.getMessage(), true);
                }
            });
            delete.addClassName("explore-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(delete);
        }
        if (CurrentUser.can(Permission.EXPORT)) {
            String query = QueryParameters.simple(ExploreText.parameters(q)).getQueryString();
            Anchor csv = new Anchor("api/v1/explore.csv?" + query, "Export CSV");
            csv.getElement().setAttribute("download", true);
            csv.addClassName("export-csv");
            Anchor pack = new Anchor("api/v1/explore.csv?" + query + "&format=datapackage", "Data package");
            pack.getElement().setAttribute("download", true);
            pack.addClassName("export-datapackage");
            actions.add(csv, pack);
        }
    }

    /** Names the view and saves it (a new one, or the open one when it is the user's), then opens it by its URL. */
    private void saveDialog(ExploreQuery q, boolean mine) {
        Dialog dialog = new Dialog();
        dialog.addClassName("explore-save-dialog");
        dialog.setHeaderTitle(mine ? "Save changes to the view" : "Save as a view");
        TextField name = new TextField("Name");
        name.addClassName("explore-view-name");
        name.setMaxLength(SavedViews.MAX_NAME);
        name.setWidthFull();
        name.setValue(mine ? open.name() : "");
        Checkbox shared = new Checkbox("Shared: everyone who may see these figures can open it");
        shared.addClassName("explore-view-shared");
        shared.setValue(mine && open.shared());
        Span error = new Span();
        error.addClassName("explore-save-error");
        dialog.add(new VerticalLayout(name, shared, error));
        Button ok = new Button("Save", e -> {
            try {
                SavedView v = mine ? views.update(who, open.id(), name.getValue(), shared.getValue(), q)
                        : views.create(who, name.getValue(), shared.getValue(), q);
                dialog.close();
                navigate(Map.of("view", v.id()));
            } catch (ViewRefused ex) {
                error.setText(ex.getMessage().substring(ex.field().length() + 2));
                name.setInvalid("name".equals(ex.field()));
            } catch (StoreException ex) {
                error.setText(StoreFailure.describe("The view cannot be saved", ex));
            }
        });
        ok.addClassName("explore-save-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
        name.focus();
    }

    private void hideFigures(String text, boolean error) {
        grid.setVisible(false);
        chart.setVisible(false);
        message.show(text, error);
    }

    /** The catalog's services and those with traffic in the period, for the service filter. */
    private List<String> services(Period period) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        if (period != null) {
            out.addAll(engine.filterValues(period).services());
        }
        return List.copyOf(out);
    }

    private Span help(String text, String definition) {
        return FigureHelp.explain(new Span(text), definitions.get(definition));
    }

    private String currency() {
        return engine.rates().reporting();
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> v = p.getOrDefault(key, List.of());
        return v.isEmpty() ? "" : v.getFirst().strip();
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static String orDefault(String v, String d) {
        return v.isEmpty() ? d : v;
    }
}
