package dev.plumbline.dashboards.notify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What Plumbline sent, to whom and why, over the last 7 days: each notification's state, attempts and last error, the
 * same as /api/v1/notifications; a failed one can be sent again. Administrators only (addresses of every role).
 */
@Prototype
@Route(value = "notifications", layout = MainLayout.class)
@RolesAllowed(Permission.ADMINISTER)
@PageTitle("Notifications · Plumbline")
public class NotificationsView extends VerticalLayout {

    static final int MAX_ROWS = 1000;
    private static final String ALL = "all";

    private final NotificationHistory history;
    private final Grid<NotificationHistory.Row> grid = new Grid<>();
    private final Select<String> origin = new Select<>();
    private final Span outcome = new Span();

    public NotificationsView(NotificationHistory history) {
        this.history = history;
        setSizeFull();
        addClassName("notifications-view");
        origin.setLabel("Origin");
        origin.setItems(ALL, "trigger", "digest", "fix", "test");
        origin.setValue(ALL);
        origin.addClassName("notifications-origin");
        origin.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        outcome.addClassName("notifications-outcome");
        configureGrid();
        add(new H2("Notifications"), new Paragraph("Every alert, webhook, Slack message, e-mail and tracker issue of the "
                + "last 7 days, newest first: recorded before it is sent, retried while its destination fails, and marked "
                + "sent once it is. Times in UTC."), origin, outcome, grid);
    }

    private void configureGrid() {
        grid.addClassName("notifications-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> time(r.createdAt())).setHeader("Recorded").setKey("createdAt").setWidth("11em")
                .setFlexGrow(0);
        // the channel with the destination and addresses under it, and the state with attempts and sent time under it:
        // two columns fewer, so the table fits 1366 px
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span to = new Span(r.to());
            to.getStyle().set("overflow-wrap", "anywhere");
            return new Div(new Div(new Span(r.channel())), new Div(to));
        })).setHeader("To").setKey("to").setWidth("10em").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Div cell = new Div(new Span(r.subject()));
            Span why = new Span(r.origin() + " · " + r.reason());
            why.addClassName("notification-reason");
            cell.add(new Div(why));
            return cell;
        })).setHeader("What and why").setKey("subject").setWidth("14em").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span state = new Span(r.state());
            state.addClassName("notification-state");
            state.getElement().getThemeList().add(switch (r.state()) {
                case "sent" -> "badge success";
                case "failed" -> "badge error";
                default -> "badge";
            });
            Span attempts = new Span(r.attempts() == 1 ? "1 attempt" : r.attempts() + " attempts");
            attempts.addClassName("notification-attempts");
            Div cell = new Div(new Div(state), new Div(attempts));
            if (r.sentAt() != null) {
                cell.add(new Div(new Span("sent " + time(r.sentAt()))));
            }
            return cell;
        })).setHeader("State").setKey("state").setWidth("12em").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Span error = new Span(r.lastError());
            error.getStyle().set("overflow-wrap", "anywhere");
            return error;
        })).setHeader("Last error").setKey("lastError").setWidth("10em").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(r -> {
            if (!"failed".equals(r.state())) {
                return new Span();
            }
            Button retry = new Button("Retry", e -> retry(r));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("notification-retry");
            return retry;
        })).setHeader("").setKey("retry").setWidth("6em").setFlexGrow(0);
        // lazy: each page of rows is read when the grid scrolls to it, at most MAX_ROWS in all
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            if (offset >= MAX_ROWS) {
                return java.util.stream.Stream.empty();
            }
            return history.recent(originFilter(), Math.min(MAX_ROWS, offset + limit)).stream().skip(offset).limit(limit);
        });
    }

    private String originFilter() {
        return ALL.equals(origin.getValue()) ? null : origin.getValue();
    }

    private void retry(NotificationHistory.Row row) {
        try {
            history.retry(row.id());
            outcome.setText(row.id() + ": pending again, sent on the next delivery run.");
        } catch (IllegalStateException | java.util.NoSuchElementException e) {
            outcome.setText("Not retried: " + e.getMessage());
        }
        grid.getDataProvider().refreshAll();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** "2026-11-20 11:58:03" (UTC). */
    static String time(Instant at) {
        return TIME.format(at);
    }
}
