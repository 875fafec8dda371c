package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** How values are written for the server to parse as their declared types (round trips: ClickHouseParametersTest). */
class QueryParametersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a plain string is written as it is", "String", "search", "search"),
                Arguments.of("a string's backslashes, tabs and newlines are escaped", "String", "a\\b\tc\nd", "a\\\\b\\tc\\nd"),
                Arguments.of("a quote in a top-level string needs no escape", "String", "it's", "it's"),
                Arguments.of("a low-cardinality string is a string", "LowCardinality(String)", "x", "x"),
                Arguments.of("an instant as DateTime is whole seconds in UTC", "DateTime('UTC')",
                        Instant.parse("2026-10-01T05:06:07Z"), "2026-10-01 05:06:07"),
                Arguments.of("an instant as DateTime64(3) keeps milliseconds", "DateTime64(3, 'UTC')",
                        Instant.parse("2026-10-01T05:06:07.089123Z"), "2026-10-01 05:06:07.089"),
                Arguments.of("a date is ISO", "Date", LocalDate.of(2026, 2, 28), "2026-02-28"),
                Arguments.of("an integer is its digits", "UInt32", 42, "42"),
                Arguments.of("a long is its digits", "Int64", -7L, "-7"),
                Arguments.of("a double is Java's text", "Float64", 0.25, "0.25"),
                Arguments.of("infinity is inf", "Float64", Double.POSITIVE_INFINITY, "inf"),
                Arguments.of("a decimal is its plain text", "Decimal(18, 2)", new BigDecimal("1E+3"), "1000"),
                Arguments.of("a boolean is true or false", "Bool", true, "true"),
                Arguments.of("null for a nullable type is \\N", "Nullable(Date)", null, "\\N"),
                Arguments.of("a value for a nullable type is the inner type's", "Nullable(Date)", LocalDate.of(2026, 1, 2),
                        "2026-01-02"),
                Arguments.of("array elements are quoted with quotes and backslashes escaped", "Array(String)",
                        List.of("a'b", "c\\d"), "['a\\'b','c\\\\d']"),
                Arguments.of("an empty array is []", "Array(String)", List.of(), "[]"),
                Arguments.of("numbers in an array are not quoted", "Array(Float64)", List.of(1.08, 0.5), "[1.08,0.5]"),
                Arguments.of("a double[] is an array", "Array(Float64)", new double[] {1, Double.POSITIVE_INFINITY}, "[1.0,inf]"),
                Arguments.of("dates in an array are quoted", "Array(Date)", List.of(LocalDate.of(2026, 1, 2)), "['2026-01-02']"),
                Arguments.of("a plain name as Identifier is written as it is", "Identifier", "otel_traces", "otel_traces"),
                Arguments.of("a long[] is an array", "Array(UInt64)", new long[] {300_000_000L, 1L}, "[300000000,1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void values_are_written_as_the_server_reads_their_type(String sentence, String type, Object value, String text) {
        assertThat(QueryParameters.format("p", type, value)).isEqualTo(text);
    }

    @ParameterizedTest(name = "refused as an Identifier: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"otel.traces", "t`; DROP TABLE x", "1table", "", "a b", "tab\u00e9"})
    void only_a_plain_name_is_an_identifier(String name) {
        assertThatThrownBy(() -> QueryParameters.format("table", "Identifier", name))
                .hasMessage("parameter table: '" + name + "' is not a plain ClickHouse name (a letter or _, then letters, digits or _)");
    }

    @Test
    void a_value_of_another_kind_is_refused_naming_the_parameter() {
        assertThatThrownBy(() -> QueryParameters.format("from", "DateTime('UTC')", "2026-10-01"))
                .hasMessage("parameter from: a String cannot be bound as DateTime('UTC')");
        assertThatThrownBy(() -> QueryParameters.format("limit", "UInt32", 1.5))
                .hasMessage("parameter limit: a Double cannot be bound as UInt32");
    }

    @Test
    void null_for_a_type_that_is_not_nullable_is_refused() {
        assertThatThrownBy(() -> QueryParameters.format("to", "Date", null))
                .hasMessage("parameter to: null for Date (declare it Nullable)");
    }

    @Test
    void a_fraction_of_a_second_for_a_datetime_is_refused_rather_than_cut() {
        assertThatThrownBy(() -> QueryParameters.format("to", "DateTime('UTC')", Instant.parse("2026-10-01T00:00:00.5Z")))
                .hasMessageStartingWith("parameter to: DateTime('UTC') holds whole seconds");
    }

    @Test
    void a_type_plumbline_does_not_bind_is_named() {
        assertThatThrownBy(() -> QueryParameters.format("m", "Map(String, UInt8)", Arrays.asList()))
                .hasMessage("parameter m: type Map(String, UInt8) is not one Plumbline binds");
    }
}
