package dev.plumbline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebPropertiesTest {

    @Test
    void a_service_page_is_under_the_external_url_with_its_name_encoded() {
        WebProperties web = new WebProperties(" https://plumbline.example.com/tools/ ");

        assertThat(web.externalUrl()).isEqualTo("https://plumbline.example.com/tools");
        assertThat(web.servicePage("search")).isEqualTo("https://plumbline.example.com/tools/service?name=search");
        assertThat(web.servicePage("a b&c")).isEqualTo("https://plumbline.example.com/tools/service?name=a+b%26c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plumbline.example.com", "ftp://plumbline", "https://plumbline/?x=1", "https://p/#top", "http://"})
    void an_external_url_that_cannot_be_linked_to_stops_the_start_naming_the_key(String url) {
        assertThatThrownBy(() -> new WebProperties(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("plumbline.web.external-url: '" + url + "'");
    }
}
