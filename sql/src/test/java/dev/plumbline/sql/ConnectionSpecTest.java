package dev.plumbline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionSpecTest {

    @Test
    void an_http_url_loses_its_trailing_slash_and_the_user_defaults_to_default() {
        ConnectionSpec spec = new ConnectionSpec("http://127.0.0.1:8123/", "plumbline", null, null);

        assertThat(spec.httpUrl()).isEqualTo("http://127.0.0.1:8123");
        assertThat(spec.user()).isEqualTo("default");
    }

    @Test
    void a_native_protocol_url_is_refused_with_an_example() {
        assertThatThrownBy(() -> new ConnectionSpec("tcp://127.0.0.1:9000", "p", null, null))
                .hasMessage("'tcp://127.0.0.1:9000' must start with http:// or https:// "
                        + "(the URL of ClickHouse's HTTP interface, e.g. http://127.0.0.1:8123)");
    }

    @Test
    void a_database_in_the_url_is_refused() {
        assertThatThrownBy(() -> new ConnectionSpec("http://h:8123/plumbline", "p", null, null))
                .hasMessage("'http://h:8123/plumbline' must not have a path or query; give the database separately");
    }

    @Test
    void a_database_name_that_is_not_an_identifier_is_refused() {
        assertThatThrownBy(() -> new ConnectionSpec("http://h:8123", "p-1; DROP", null, null))
                .hasMessageStartingWith("database 'p-1; DROP' is not a valid name");
    }

    @Test
    void the_password_never_appears_in_to_string() {
        assertThat(new ConnectionSpec("http://h:8123", "p", "u", "s3cret").toString()).doesNotContain("s3cret");
    }
}
