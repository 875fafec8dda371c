package dev.plumbline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.plumbline.app.testing.Browser;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Import page: upload, see problems and the first rows, import only when clean. */
@ExtendWith(ClickHouseExtension.class)
class ImportBrowserTest {

    private static RunningApp app;
    private static Browser browser;

    @BeforeAll
    static void start(TestDatabase db) {
        app = RunningApp.start(db, Map.of("plumbline.limits.max-catalog-bytes", 4096));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void a_file_with_problems_shows_them_and_cannot_be_imported_and_a_clean_one_imports() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/import");

        upload(page, "id,name,arr,currency,seats\nc1,Acme,1200,USD,10\nc2,Globex,abc,USD,-1\n");
        assertThat(page.locator(".import-problems")).containsText("row 3, column 'arr'");
        assertThat(page.locator(".import-problems")).containsText("not an amount: 'abc'");
        assertThat(page.locator(".import-problems")).containsText("must not be negative: '-1'");
        assertThat(page.locator(".customers-import .import-button")).isDisabled();
        Browser.screenshot(page, "import-problems");
        assertThat(app.getAs("pm", "/api/v1/customers").body()).contains("\"total\":0");

        upload(page, "id,name,arr,currency,seats\nc1,Acme,1200,USD,10\nc2,Globex,\"9,500\",EUR,12\n");
        assertThat(page.locator(".customers-import .import-ok")).hasText("2 rows, no problems: ready to import");
        assertThat(page.locator(".customers-import .import-preview")).containsText("9,500");
        page.locator(".customers-import .import-button").click();

        assertThat(page.locator(".import-done")).hasText("2 rows: 2 new customers, 0 changed, 0 unchanged");
        assertThat(app.getAs("pm", "/api/v1/customers").body()).contains("\"total\":2");
    }

    @Test
    void a_catalog_over_the_configured_limit_is_refused_and_nothing_is_read() {
        Page page = browser.newPage();
        Browser.signIn(page, app.baseUrl(), "pm", RunningApp.PASSWORD);
        page.navigate(app.baseUrl() + "/import");
        assertThat(page.locator(".catalog-import")).containsText("At most 4 KB.");
        String big = "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: big\n  displayName: '"
                + "x".repeat(8000) + "'\n";

        page.locator(".catalog-import vaadin-upload input[type=file]").setInputFiles(
                new FilePayload("big.yaml", "application/yaml", big.getBytes(StandardCharsets.UTF_8)));

        assertThat(page.locator("vaadin-notification-card").first()).isVisible();
        assertThat(page.locator(".catalog-import .import-result")).isEmpty();
        assertThat(app.getAs("pm", "/api/v1/services").body()).contains("\"total\":0");
    }

    private static void upload(Page page, String csv) {
        page.locator(".customers-import vaadin-upload input[type=file]").setInputFiles(
                new FilePayload("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
}
