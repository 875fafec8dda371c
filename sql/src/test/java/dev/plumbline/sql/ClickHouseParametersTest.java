package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Named parameters against a real ClickHouse: every kind of value comes back as it was bound, hostile text too. */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseParametersTest {

    private static final String HOSTILE = "x' OR 1=1 --\\'\t\n\r\0 é 😀 {y:String} ?";

    @Test
    void every_kind_of_value_round_trips(TestDatabase db) {
        NamedQuery echo = new NamedQuery("echo", """
                SELECT {s:String} AS s, {t:DateTime('UTC')} AS t, {t64:DateTime64(3, 'UTC')} AS t64, {d:Date} AS d,
                       {n:UInt32} AS n, {x:Float64} AS x, {dec:Decimal(18, 2)} AS dec, {b:Bool} AS b,
                       {words:Array(String)} AS words, {numbers:Array(Float64)} AS numbers,
                       {maybe:Nullable(Date)} AS maybe, lengthUTF8({s:String}) AS chars""");
        Params params = Params.of("s", HOSTILE).and("t", Instant.parse("2026-10-01T05:06:07Z"))
                .and("t64", Instant.parse("2026-10-01T05:06:07.089Z")).and("d", LocalDate.of(2026, 2, 28))
                .and("n", 4_000_000_000L).and("x", Double.POSITIVE_INFINITY).and("dec", new BigDecimal("1234567.89"))
                .and("b", true).and("words", List.of(HOSTILE, "", "b")).and("numbers", List.of(0.1, -2.5))
                .and("maybe", null);

        List<String> row = db.clickHouse().queryOne(echo, params, r -> List.of(r.getString("s"),
                r.getInstant("t").toString(), r.getInstant("t64").toString(), r.getLocalDate("d").toString(),
                Long.toString(r.getLong("n")), Double.toString(r.getDouble("x")), r.getBigDecimal("dec").toPlainString(),
                Boolean.toString(r.getBoolean("b")), r.getStrings("words").toString(), r.getDoubles("numbers").toString(),
                String.valueOf(r.getLocalDate("maybe")), Long.toString(r.getLong("chars")))).orElseThrow();

        assertThat(row).containsExactly(HOSTILE, "2026-10-01T05:06:07Z", "2026-10-01T05:06:07.089Z", "2026-02-28",
                "4000000000", "Infinity", "1234567.89", "true", List.of(HOSTILE, "", "b").toString(), "[0.1, -2.5]",
                "null", Long.toString(HOSTILE.codePointCount(0, HOSTILE.length())));
    }

    @Test
    void a_parameter_the_statement_does_not_declare_or_a_missing_one_is_refused_before_it_is_sent(TestDatabase db) {
        NamedQuery q = new NamedQuery("q", "SELECT {a:String} AS a");

        assertThatThrownBy(() -> db.clickHouse().query(q, Params.of("b", "x"), r -> r.getString("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("q: parameters missing [a], not declared [b]");
    }

    @Test
    void a_statement_that_declares_a_parameter_with_two_types_is_refused_when_loaded() {
        assertThatThrownBy(() -> new NamedQuery("twice", "SELECT {a:String}, {a:UInt8}"))
                .hasMessage("twice: parameter 'a' is declared as String and as UInt8");
    }
}
