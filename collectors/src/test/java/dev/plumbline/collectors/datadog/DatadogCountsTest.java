package dev.plumbline.collectors.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatadogCountsTest {

    private static final Instant FROM = Instant.parse("2026-11-01T10:00:00Z");
    private static final long T0 = FROM.toEpochMilli();
    private static final double MAX = 1000;

    private static DatadogSeries series(String tags, Double... values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String tag : tags.split(",")) {
            if (!tag.isBlank()) {
                map.put(tag.substring(0, tag.indexOf(':')), tag.substring(tag.indexOf(':') + 1));
            }
        }
        List<Long> times = java.util.stream.LongStream.range(0, values.length).map(i -> T0 + 60_000 * i).boxed().toList();
        return new DatadogSeries(map, times, Arrays.asList(values));
    }

    private static DatadogCounts read(DatadogSeries... series) {
        return DatadogCounts.read(List.of(series), "service", "customer", MAX, FROM, FROM.plusSeconds(600));
    }

    @ParameterizedTest(name = "a series tagged \"{0}\" is dropped, counted, and its minutes are not covered")
    @CsvSource(delimiter = '|', value = {"service:search,tenant:acme", "customer:acme", "service:search,customer:N/A",
            "service:search,customer:", "''"})
    void a_series_without_the_service_or_customer_tag_is_dropped_and_counted(String tags) {
        DatadogCounts counts = read(series(tags, 5.0, null, 7.0), series("service:search,customer:globex", 1.0, 1.0, 1.0));

        assertThat(counts.counts()).containsOnlyKeys(List.of("search", "globex"));
        assertThat(counts.rejected().untaggedSeries()).isEqualTo(1);
        assertThat(counts.rejected().untaggedValues()).as("the null point is no data").isEqualTo(2);
        assertThat(counts.notCovered()).containsExactly(T0, T0 + 120_000);
        assertThat(counts.rejected().untaggedExamples()).singleElement().asString().startsWith("a series ");
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({"NaN, not finite", "Infinity, not finite", "-Infinity, not finite", "-1, negative", "-0.5, negative",
            "1000.5, above the maximum", "1e300, above the maximum"})
    void a_value_that_cannot_be_a_count_is_refused_and_its_minute_is_neither_stored_nor_covered(double value,
                                                                                               String why) {
        DatadogCounts counts = read(series("service:search,customer:acme", 10.0, value, 12.0));

        assertThat(counts.counts().get(List.of("search", "acme"))).containsOnlyKeys(T0, T0 + 120_000);
        assertThat(counts.refused().get(List.of("search", "acme"))).containsExactly(T0 + 60_000);
        assertThat(counts.notCovered()).containsExactly(T0 + 60_000);
        assertThat(new long[] {counts.rejected().notFinite(), counts.rejected().negative(), counts.rejected().aboveMaximum()})
                .containsExactly(why.equals("not finite") ? 1 : 0, why.equals("negative") ? 1 : 0, why.startsWith("above") ? 1 : 0);
        assertThat(counts.rejected().describe()).contains("1 values refused (1 " + why);
    }

    @Test
    void a_value_at_the_maximum_zero_and_null_are_kept_or_skipped_without_complaint() {
        DatadogCounts counts = read(series("service:search,customer:acme", MAX, 0.0, null));

        assertThat(counts.counts().get(List.of("search", "acme"))).containsExactly(Map.entry(T0, MAX), Map.entry(T0 + 60_000, 0.0));
        assertThat(counts.rejected().isEmpty()).isTrue();
        assertThat(counts.notCovered()).isEmpty();
    }

    @Test
    void points_outside_the_chunk_are_neither_counted_nor_held_against_it() {
        DatadogCounts counts = DatadogCounts.read(List.of(series("service:search,customer:acme", -1.0, 4.0),
                series("customer:acme", 9.0, null)), "service", "customer", MAX, FROM.plusSeconds(60), FROM.plusSeconds(120));

        assertThat(counts.counts().get(List.of("search", "acme"))).containsOnlyKeys(T0 + 60_000);
        assertThat(counts.rejected().isEmpty()).isTrue();
    }
}
