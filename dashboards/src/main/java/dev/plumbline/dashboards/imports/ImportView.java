package dev.plumbline.dashboards.imports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.plumbline.dashboards.MainLayout;
import dev.plumbline.dashboards.access.CurrentUser;
import dev.plumbline.sql.auth.Identity;
import dev.plumbline.sql.auth.Permission;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Imports customers (a CRM or billing CSV export) and the service catalog (OpenSLO YAML): upload, see the first rows
 * and every problem, then import, all or nothing.
 */
@Prototype
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Import · Plumbline")
@RolesAllowed(Permission.IMPORT)
public class ImportView extends VerticalLayout {

    private final Imports imports;

    public ImportView(Imports imports) {
        this.imports = imports;
        addClassName("import-view");
        add(new H2("Import"));
        add(section("Customers", "A CSV export with a header row (',' or ';'). Columns are found by their usual names "
                        + "(id, name, ARR, currency, seats, renewal date, ...) or by the saved mapping of the source.",
                "customers", ".csv", true, imports.maxCustomerBytes(), imports::checkCustomers, imports::importCustomers));
        add(section("Service catalog", "OpenSLO v1 YAML: Service and SLO documents. The services in the file are "
                        + "replaced with their objectives.",
                "catalog", ".yaml,.yml", false, imports.maxCatalogBytes(), imports::checkCatalog, (yaml, file) -> imports.importCatalog(yaml, file, CurrentUser.stored().map(Identity::name).orElse(""))));
    }

    private Component section(String title, String help, String key, String accept, boolean withSource, long maxBytes,
                              BiFunction<byte[], String, Imports.Check> check,
                              BiFunction<byte[], String, String> apply) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.addClassName(key + "-import");
        ComboBox<String> source = new ComboBox<>("Source (saved column mapping)");
        source.setItems(imports.customerSources());
        source.setAllowCustomValue(false);
        source.setClearButtonVisible(true);
        source.setPlaceholder("usual column names");
        source.setWidth("22em");
        Div result = new Div();
        result.addClassName("import-result");
        Upload upload = new Upload();
        upload.setAcceptedFileTypes(accept.split(","));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));   // the browser refuses larger files
        upload.setMaxFiles(1);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList(); // ready for the corrected file
            if (bytes.length > maxBytes) {   // and the server, whatever the browser did: nothing is read
                tooLarge(bytes.length, maxBytes);
                return;
            }
            String name = withSource ? source.getValue() : metadata.fileName();
            show(result, bytes, name, check.apply(bytes, name), apply);
        }))));
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage())
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
        section.add(new H3(title), new Paragraph(help + " At most " + megabytes(maxBytes) + "."));
        if (withSource) {
            section.add(source);
        }
        section.add(upload, result);
        return section;
    }

    private static void tooLarge(long bytes, long maxBytes) {
        Notification.show("The file is " + megabytes(bytes) + "; at most " + megabytes(maxBytes) + " is taken.")
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String megabytes(long bytes) {
        return bytes < 1 << 20 ? (bytes + 1023) / 1024 + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private void show(Div result, byte[] bytes, String name, Imports.Check check,
                      BiFunction<byte[], String, String> apply) {
        result.removeAll();
        Paragraph summary = new Paragraph(check.rows() + (check.header().isEmpty() ? " documents" : " rows") + ", "
                + (check.problems().isEmpty() ? "no problems: ready to import" : check.problems().size()
                + " problem(s): nothing can be imported until they are fixed"));
        summary.addClassName(check.acceptable() ? "import-ok" : "import-problems-summary");
        result.add(summary);
        if (!check.problems().isEmpty()) {
            Grid<Imports.Problem> problems = new Grid<>();
            problems.addClassName("import-problems");
            problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            problems.addColumn(Imports.Problem::where).setHeader("Where").setFlexGrow(1);
            problems.addColumn(Imports.Problem::reason).setHeader("Problem").setFlexGrow(3);
            problems.setItems(check.problems()); // small: at most 1000 problems are reported
            problems.setAllRowsVisible(check.problems().size() <= 10);
            result.add(problems);
        }
        if (!check.preview().isEmpty()) {
            Grid<List<String>> preview = new Grid<>();
            preview.addClassName("import-preview");
            preview.addThemeVariants(GridVariant.LUMO_COMPACT);
            for (int i = 0; i < check.header().size(); i++) {
                int column = i;
                preview.addColumn(row -> column < row.size() ? row.get(column) : "").setHeader(check.header().get(i));
            }
            preview.setItems(check.preview()); // the first 20 rows only
            preview.setAllRowsVisible(true);
            result.add(new Paragraph("First rows as read:"), preview);
        }
        Button importButton = new Button("Import", e -> {
            try {
                String done = apply.apply(bytes, name);
                result.removeAll();
                Paragraph ok = new Paragraph(done);
                ok.addClassName("import-done");
                result.add(ok);
                Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (Imports.Refused refused) {
                Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        importButton.addClassName("import-button");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(check.acceptable());
        result.add(importButton);
    }
}
