package dev.plumbline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicronautVaadinServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"/styles/plumbline.css", "/webjars/echarts/5.5.0/echarts.min.js", "/a.b/c..d.js"})
    void ordinary_resource_paths_are_safe(String path) {
        assertThat(MicronautVaadinService.isSafe(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/../etc/passwd", "/a/../../b", "/a/./b", "/..", "/a\\..\\b",
        "/%2e%2e/x", "//etc/passwd", "/a\u0000.css", "relative.css", ""})
    void paths_that_could_leave_the_static_root_are_not(String path) {
        assertThat(MicronautVaadinService.isSafe(path)).isFalse();
    }
}
