package dev.plumbline.sql.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statements_are_split_at_semicolons() {
        assertThat(SqlScript.statements("CREATE TABLE a (x UInt8) ENGINE = Memory;\nDROP TABLE b;\n"))
                .containsExactly("CREATE TABLE a (x UInt8) ENGINE = Memory", "DROP TABLE b");
    }

    @Test
    void semicolons_inside_quotes_do_not_split() {
        assertThat(SqlScript.statements("SELECT 'a;b', `c;d`, \"e;f\"; SELECT 'it\\'s;'"))
                .containsExactly("SELECT 'a;b', `c;d`, \"e;f\"", "SELECT 'it\\'s;'");
    }

    @Test
    void comments_are_dropped_with_their_semicolons() {
        assertThat(SqlScript.statements("-- one; two\nSELECT 1 /* three; */ + 1;"))
                .containsExactly("SELECT 1  + 1");
    }

    @Test
    void a_script_of_only_comments_has_no_statements() {
        assertThat(SqlScript.statements("-- nothing here\n\n")).isEmpty();
    }

    @Test
    void an_unterminated_quote_is_an_error() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'oops"))
                .hasMessage("unterminated ' quote");
    }
}
