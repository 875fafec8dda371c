package dev.plumbline.sql.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.psr.CustomerDay;
import dev.plumbline.sql.psr.CustomerHealth;
import dev.plumbline.sql.psr.CustomerTrend;
import dev.plumbline.sql.psr.Figures;
import dev.plumbline.sql.psr.MonthOverMonth;
import dev.plumbline.sql.psr.ObjectiveResult;
import dev.plumbline.sql.psr.PlatformDay;
import dev.plumbline.sql.psr.SegmentRisk;
import dev.plumbline.sql.psr.ServiceRisk;
import dev.plumbline.sql.psr.SliceRisk;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionsTest {

    private static final String PSR = "dev.plumbline.sql.psr.";
    private final Definitions catalog = Definitions.load();

    @Test
    void every_figure_the_issue_names_is_defined() {
        assertThat(catalog.all()).extracting(Definition::id).contains("requests", "error-rate", "availability", "p50",
                "p95", "p99", "share-over-threshold", "budget-consumed", "burn-rate", "exposure", "revenue-at-risk",
                "roi", "health", "coverage", "peak-rps", "p95-change", "worst-objective", "daily-availability",
                "customer-error-rate", "other-services");
    }

    @Test
    void every_sql_file_named_exists() {
        for (Definition d : catalog.all()) {
            for (String file : d.sql()) {
                assertThat(getClass().getClassLoader().getResource("dev/plumbline/sql/" + file))
                        .as(d.id() + " names " + file).isNotNull();
            }
        }
    }

    @Test
    void every_code_reference_names_a_method() throws ClassNotFoundException {
        for (Definition d : catalog.all()) {
            if (d.code().isEmpty()) {
                assertThat(d.sql()).as(d.id() + " has neither SQL nor code").isNotEmpty();
                continue;
            }
            String[] parts = d.code().split("\\.");
            assertThat(parts).as(d.id() + ": " + d.code()).hasSize(2);
            Class<?> type = Class.forName(PSR + parts[0]);
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName)).as(d.id() + ": " + d.code())
                    .contains(parts[1]);
        }
    }

    @Test
    void every_field_named_is_a_record_component() throws ClassNotFoundException {
        for (Definition d : catalog.all()) {
            assertThat(d.fields()).as(d.id() + " names no field").isNotEmpty();
            for (String field : d.fields()) {
                int dot = field.lastIndexOf('.');
                assertThat(components(Class.forName(PSR + field.substring(0, dot).replace('.', '$'))))
                        .as(d.id() + ": " + field).contains(field.substring(dot + 1));
            }
        }
    }

    @Test
    void every_figure_in_the_engine_records_is_defined_somewhere() {
        Set<String> defined = catalog.all().stream().flatMap(d -> d.fields().stream()).collect(Collectors.toSet());
        Set<String> identities = Set.of("Figures.key", "Figures.service", "Figures.objectives",
                "SliceRisk.service", "SliceRisk.customer", "SliceRisk.account", "SliceRisk.traffic", "SliceRisk.burn",
                "SliceRisk.score", "SliceRisk.money", "SliceRisk.Account.known", "SliceRisk.Account.name",
                "SliceRisk.Account.segment", "SliceRisk.Account.region", "SliceRisk.Account.plan",
                "SliceRisk.Account.renewalDate", "SliceRisk.Money.arr", "SliceRisk.Money.currency",
                "SliceRisk.Burn.availability", "SliceRisk.Burn.latency", "ServiceRisk.service", "SegmentRisk.segment", "CustomerHealth.customer",
                "CustomerHealth.customerName", "CustomerHealth.segment", "CustomerHealth.renewalDate",
                "CustomerHealth.worstService", "MonthOverMonth.current", "MonthOverMonth.previous",
                "CustomerTrend.customer", "CustomerTrend.days", "CustomerTrend.totals",
                "CustomerDay.day", "PlatformDay.day");
        Set<String> missing = new HashSet<>();
        List<Class<?>> records = new java.util.ArrayList<>(List.of(Figures.class, SliceRisk.class, ServiceRisk.class,
                SegmentRisk.class, CustomerHealth.class, ObjectiveResult.class, MonthOverMonth.class,
                dev.plumbline.sql.psr.PlatformSummary.class, CustomerTrend.class, CustomerDay.class, PlatformDay.class));
        records.addAll(List.of(SliceRisk.class.getDeclaredClasses()));   // its named parts
        for (Class<?> type : records) {
            for (String c : components(type)) {
                String field = type.getName().substring(PSR.length()).replace('$', '.') + "." + c;
                if (!defined.contains(field) && !identities.contains(field)) {
                    missing.add(field);
                }
            }
        }
        assertThat(missing).as("record fields with no definition").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no list                 | other: 1                                                    | t.yaml: expected a list under 'definitions'",
            "entry not a mapping     | 'definitions: [x]'                                          | t.yaml: definitions[0]: expected a mapping",
            "missing id              | 'definitions: [{name: N, unit: u, formula: f}]'             | t.yaml: definitions[0].id: required text is missing",
            "unit a number           | 'definitions: [{id: a, name: N, unit: 5, formula: f}]'      | t.yaml: definitions[0].unit: required text, was 5",
            "sql not a list          | 'definitions: [{id: a, name: N, unit: u, formula: f, sql: x}]' | t.yaml: definitions[0].sql: expected a list, was x",
            "duplicate id            | 'definitions: [{id: a, name: N, unit: u, formula: f}, {id: a, name: M, unit: u, formula: g}]' | t.yaml: definitions[1].id: 'a' is defined twice",
    })
    void a_malformed_catalog_is_refused_naming_the_entry_and_key(String name, String yaml, String message) {
        assertThatThrownBy(() -> Definitions.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"))
                .hasMessage(message);
    }

    @Test
    void an_unknown_id_is_an_error_naming_it() {
        assertThatThrownBy(() -> catalog.get("p42")).hasMessage("no definition with id 'p42'");
        assertThat(catalog.get("p95").unit()).isEqualTo("seconds");
    }

    private static List<String> components(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
