package dev.plumbline.app.digests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.app.config.WebProperties;
import dev.plumbline.sql.auth.Permission;
import dev.plumbline.sql.catalog.ServiceCatalogStore;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.digests.DigestKind;
import dev.plumbline.sql.outbox.Notification.Attachment;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.psr.PsrEngine;
import dev.plumbline.sql.psr.RoiModel;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three digests written from the planted platform (October 2026: billing's bad deploy on the 6th), checked
 * against the raw requests the platform was planted from, and for what each role may see.
 */
@ExtendWith(ClickHouseExtension.class)
class DigestContentTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** As configured in application.yml. */
    static final Reader EXEC = Reader.role("exec", Set.of(Permission.VIEW_BUSINESS, Permission.VIEW_SERVICES,
            Permission.VIEW_MONEY));
    static final Reader ENGINEER = Reader.role("engineer", Set.of(Permission.VIEW_SERVICES, Permission.VIEW_COLLECTORS,
            Permission.TUNE_ALERTS));
    private static DigestContent content;

    @BeforeAll
    static void setUp(TestDatabase db) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        PlantedPlatform.seed(db.migrate().clickHouse(), clock);
        PsrEngine engine = new PsrEngine(db.clickHouse(), new ServiceCatalogStore(db.clickHouse(), clock),
                CurrencyRates.of("USD", List.of("EUR=1.08")), RoiModel.DEFAULT, clock);
        content = new DigestContent(engine, new WebProperties("https://plumbline.example.com/"));
    }

    @Test
    void the_weekly_summary_shows_the_weeks_availability_and_its_chart_inline() throws IOException {
        // Monday 2026-10-12 08:00 in Berlin: the week 2026-10-05 to 2026-10-11
        Mail mail = content.write(DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Instant.parse("2026-10-12T06:00:00Z"), BERLIN, EXEC);
        Document html = Jsoup.parse(mail.html());

        List<PlantedPlatform.Request> week = PlantedPlatform.requests().stream()
                .filter(r -> !day(r).isBefore(LocalDate.of(2026, 10, 5))).toList();
        double availability = 1 - week.stream().filter(PlantedPlatform.Request::error).count() / (double) week.size();
        assertThat(html.select("table.cards tr").first().select("td").get(1).text())
                .isEqualTo(String.format(Locale.ROOT, "%.3f%%", 100 * availability));
        assertThat(html.select("table.risks td:eq(0)").eachText()).containsExactlyInAnyOrderElementsOf(servicesOverBudget(week));
        assertThat(html.select("a[href=https://plumbline.example.com/summary]")).hasSize(1);
        assertThat(html.text()).contains("ARR inside objectives", "Revenue at risk", "$");

        String cid = html.select("img").attr("src");
        assertThat(cid).isEqualTo("cid:" + WeeklySummaryMail.CHART_ID);
        Attachment chart = mail.attachments().stream().filter(a -> ("cid:" + a.contentId()).equals(cid)).findFirst()
                .orElseThrow();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.bytes()));
        assertThat(chart.contentType()).isEqualTo("image/png");
        assertThat(png.getWidth()).isEqualTo(ChartPng.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ChartPng.HEIGHT);
    }

    @Test
    void an_engineers_weekly_summary_has_no_money_and_says_whom_it_is_written_for() {
        Mail exec = content.write(DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Instant.parse("2026-10-12T06:00:00Z"), BERLIN, EXEC);
        Mail mail = content.write(DigestKind.WEEKLY_EXECUTIVE_SUMMARY, Instant.parse("2026-10-12T06:00:00Z"), BERLIN, ENGINEER);

        assertThat(exec.html()).as("so the check below can fail").containsIgnoringCase("arr").contains("$");
        assertNoMoney(mail.html());
        assertThat(Jsoup.parse(mail.html()).select("table.risks td:eq(0)").eachText()).isNotEmpty();
        assertThat(Jsoup.parse(mail.html()).select("p.audience").text()).isEqualTo("Written for the role engineer.");
        assertThat(Jsoup.parse(mail.html()).select("a[href$=/summary]")).as("engineers cannot open the Summary").isEmpty();
    }

    @Test
    void what_changed_on_the_bad_deploy_day_is_every_billing_slice_that_went_over_budget() {
        // 2026-10-07 07:00 in Berlin: 2026-10-06 against 2026-10-05
        Mail mail = content.write(DigestKind.DAILY_WHAT_CHANGED, Instant.parse("2026-10-07T05:00:00Z"), BERLIN, EXEC);
        Document html = Jsoup.parse(mail.html());
        Set<String> before = slicesOverBudget(LocalDate.of(2026, 10, 5));
        Set<String> after = slicesOverBudget(LocalDate.of(2026, 10, 6));

        assertThat(rows(html, "table.risks")).containsExactlyInAnyOrderElementsOf(minus(after, before));
        assertThat(rows(html, "table.risks")).anyMatch(s -> s.startsWith("billing|"));
        assertThat(rows(html, "table.recoveries")).containsExactlyInAnyOrderElementsOf(minus(before, after));
        assertThat(mail.subject()).isEqualTo("Plumbline: what changed on 2026-10-06");
    }

    @Test
    void the_day_after_the_deploy_billing_recovers_and_an_engineer_sees_no_money() {
        Mail mail = content.write(DigestKind.DAILY_WHAT_CHANGED, Instant.parse("2026-10-08T05:00:00Z"), BERLIN, ENGINEER);
        Document html = Jsoup.parse(mail.html());
        Set<String> before = slicesOverBudget(LocalDate.of(2026, 10, 6));
        Set<String> after = slicesOverBudget(LocalDate.of(2026, 10, 7));

        assertThat(rows(html, "table.recoveries")).containsExactlyInAnyOrderElementsOf(minus(before, after));
        assertThat(rows(html, "table.recoveries")).anyMatch(s -> s.startsWith("billing|"));
        assertThat(rows(html, "table.risks")).containsExactlyInAnyOrderElementsOf(minus(after, before));
        assertNoMoney(mail.html());
    }

    @Test
    void the_monthly_review_attaches_octobers_pdf_with_money_only_for_a_money_role() throws IOException {
        // the first working day of November 2026: Monday the 2nd, 08:00 in Berlin
        Mail exec = content.write(DigestKind.MONTHLY_PSR_REVIEW, Instant.parse("2026-11-02T07:00:00Z"), BERLIN, EXEC);
        Mail engineer = content.write(DigestKind.MONTHLY_PSR_REVIEW, Instant.parse("2026-11-02T07:00:00Z"), BERLIN, ENGINEER);

        Attachment pdf = exec.attachments().getFirst();
        assertThat(pdf.name()).isEqualTo("psr-review-2026-10.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.contentId()).isEmpty();
        String execText = pdfText(pdf.bytes());
        assertThat(execText).contains("PSR review 2026-10", "Revenue at risk", "$");
        assertThat(exec.subject()).isEqualTo("Plumbline PSR review, 2026-10");
        String engineerText = pdfText(engineer.attachments().getFirst().bytes());
        assertThat(engineerText).contains("PSR review 2026-10", "billing");
        assertNoMoney(engineerText);
        assertNoMoney(engineer.html());
    }

    static void assertNoMoney(String text) {
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("arr", "revenue", "$", "€", "usd", "eur ");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static List<String> rows(Document html, String table) {
        return html.select(table + " tr:has(td)").stream()
                .map(tr -> tr.select("td").get(0).text() + "|" + tr.select("td").get(1).text()).toList();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static LocalDate day(PlantedPlatform.Request r) {
        return r.hour().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The truth from the raw requests: service|customer name of each slice over budget (any objective) on {@code day}. */
    private static Set<String> slicesOverBudget(LocalDate day) {
        return overBudget(PlantedPlatform.requests().stream().filter(r -> day(r).equals(day)).toList()).stream()
                .map(k -> k.service() + "|" + name(k.customer())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> servicesOverBudget(List<PlantedPlatform.Request> requests) {
        return overBudget(requests).stream().map(Slice::service).collect(Collectors.toSet());
    }

    private record Slice(String service, String customer) {
    }

    /** Burn = bad share / (1 - target) above 1, for every objective of the planted catalog. */
    private static Set<Slice> overBudget(List<PlantedPlatform.Request> requests) {
        var bySlice = requests.stream().collect(Collectors.groupingBy(r -> new Slice(r.service(), r.customer())));
        Set<Slice> out = new java.util.HashSet<>();
        bySlice.forEach((slice, rs) -> {
            for (var o : PlantedPlatform.objectives()) {
                if (!o.service().equals(slice.service())) {
                    continue;
                }
                long bad = o.latencyThresholdMs() == null ? rs.stream().filter(PlantedPlatform.Request::error).count()
                        : rs.stream().filter(r -> r.latency() * 1000 > o.latencyThresholdMs()).count();
                if (bad / (double) rs.size() / (1 - o.target()) > 1) {
                    out.add(slice);
                }
            }
        });
        return out;
    }

    private static String name(String customer) {
        return PlantedPlatform.customers().stream().filter(c -> c.id().equals(customer))
                .map(dev.plumbline.sql.customer.Customer::name).findFirst().orElse(customer);
    }
}
