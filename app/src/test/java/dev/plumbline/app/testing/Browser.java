package dev.plumbline.app.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright. The executable is {@code PLUMBLINE_CHROMIUM} or
 * {@code /usr/bin/chromium}; Playwright never downloads a browser. {@code bin/test} installs Chromium.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    /**
     * How long an action or an expectation may take before it fails: generous, because a loaded machine (or the
     * whole suite under faketime, which slows every clock read) takes seconds where a quiet one takes milliseconds;
     * they are deadlines that fail, not pauses.
     */
    static final double TIMEOUT_MS = 60_000;

    static {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final List<com.microsoft.playwright.BrowserContext> contexts = new java.util.ArrayList<>();

    public Browser() {
        Path chromium = Path.of(System.getenv().getOrDefault("PLUMBLINE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium not found at " + chromium
                    + "; bin/test installs Debian's chromium, or set PLUMBLINE_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true).setArgs(FLAGS));
    }

    /** A fresh page (own context: no cookies shared between tests) at a laptop-sized viewport. */
    public Page newPage() {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context.newPage();
    }

    /**
     * Closes every page opened so far, so a test's pages (their Vaadin heartbeats and charts) do not keep Chromium
     * busy while the next test runs.
     */
    public void closePages() {
        contexts.forEach(com.microsoft.playwright.BrowserContext::close);
        contexts.clear();
    }

    /** Signs in through the sign-in page and waits until the app has navigated away from it. */
    public static void signIn(Page page, String baseUrl, String user, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(user);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form vaadin-button").first().click();
        // twice the usual deadline: the landing page computes its figures before the redirect completes, which a
        // faketime run on a machine shared with other builds was seen to take past 60 s (once, at the first sign-in)
        page.waitForCondition(() -> !page.url().endsWith("/login"),
                new Page.WaitForConditionOptions().setTimeout(2 * TIMEOUT_MS));
    }

    /** Waits until Vaadin has rendered and no server round trip or animation is in progress. */
    public static void settle(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        page.waitForTimeout(500); // overlay and drawer animations
    }

    /**
     * The rows a Vaadin grid has rendered, in row order (not DOM order: the grid reuses row elements), each as the
     * text of its cells left to right. Waits until the grid has rendered at least {@code atLeast} rows.
     */
    @SuppressWarnings("unchecked")
    public static List<List<String>> gridRows(Page page, String gridSelector, int atLeast) {
        String js = "([selector, atLeast]) => { const grid = document.querySelector(selector);"
                + " if (!grid || !grid.shadowRoot) return null;"
                + " const rows = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]"
                + "   .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size).sort((a, b) => a.index - b.index);"
                + " const out = rows.map(r => [...r.querySelectorAll('td')].map(td => { const slot = td.querySelector('slot');"
                + "   const el = slot && slot.assignedElements()[0]; return el ? el.textContent.trim() : ''; }));"
                + " return out.length >= atLeast && out.every(r => r.some(c => c !== '')) ? out : null; }";
        return (List<List<String>>) page.waitForFunction(js, List.of(gridSelector, atLeast)).jsonValue();
    }

    /**
     * The texts of the cells of a grid whose content is wider than the cell shows (scrollWidth above clientWidth),
     * and "(columns out of view)" when the grid scrolls sideways: what a reader would see cut.
     */
    @SuppressWarnings("unchecked")
    public static List<String> cutCells(Page page, String gridSelector) {
        return (List<String>) page.evaluate("(selector) => { const g = document.querySelector(selector);"
                + " const cut = [...g.querySelectorAll('vaadin-grid-cell-content')]"
                + "   .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim());"
                + " const t = g.shadowRoot.querySelector('#table');"
                + " if (t.scrollWidth > t.clientWidth + 1) cut.push('(columns out of view)'); return cut; }", gridSelector);
    }

    public static Path screenshot(Page page, String name) {
        settle(page);
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setTimeout(TIMEOUT_MS / 2));
        } catch (com.microsoft.playwright.TimeoutError e) {
            // A screenshot is a picture for a reader, not a check. Chromium has been seen (once, on a loaded CI
            // machine) never to deliver the full-page frame; the viewport alone is then taken, with its own deadline.
            System.err.println("full-page screenshot " + name + " timed out; taking the viewport: " + e.getMessage().lines().findFirst().orElse(""));
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setTimeout(TIMEOUT_MS / 2));
        }
        return file;
    }

    /** Renders a PDF's first {@code pages} pages (PDFBox, 100 dpi) to NAME-1.png... next to the screenshots. */
    public static void pdfPages(byte[] pdf, String name, int pages) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            Files.createDirectories(SCREENSHOTS);
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int i = 0; i < Math.min(pages, document.getNumberOfPages()); i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 100), "png",
                        SCREENSHOTS.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
