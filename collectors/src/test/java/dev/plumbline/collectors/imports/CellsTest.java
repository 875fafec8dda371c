package dev.plumbline.collectors.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void formulas_are_refused_on_import_and_escaped_on_export(String cell) {
        assertThat(Cells.problem(cell, 100)).contains("spreadsheet runs as a formula");
        assertThat(Cells.safeForSpreadsheet(cell)).startsWith("'");
    }

    @Test
    void ordinary_text_passes_and_is_exported_as_it_is() {
        assertThat(Cells.problem("Acme, Inc. (EU)", 100)).isNull();
        assertThat(Cells.safeForSpreadsheet("Acme")).isEqualTo("Acme");
    }

    @Test
    void long_text_and_control_characters_are_refused() {
        assertThat(Cells.problem("x".repeat(101), 100)).isEqualTo("too long: 101 characters, at most 100");
        assertThat(Cells.problem("a\u0007b", 100)).isEqualTo("contains the control character U+0007");
    }
}
