package dev.plumbline.helm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * {@code helm template} output compared byte for byte with committed golden files in
 * {@code src/test/resources/golden}. Any change to the rendered manifests shows up as a diff here.
 *
 * <p>To accept an intended change, regenerate the goldens and review the diff before committing:
 * <pre>
 *   mvn -B -ntp -f helm/pom.xml verify -Dhelm.golden.update=true
 *   git diff helm/src/test/resources/golden
 * </pre>
 * In update mode each test rewrites its golden file and is then reported as skipped (aborted),
 * so an update run never passes as a comparison.
 */
@DisplayName("helm template matches the golden file")
class GoldenRenderTest {

    /** System property that switches the tests from comparing to rewriting the goldens. */
    static final String UPDATE_PROPERTY = "helm.golden.update";

    @ParameterizedTest(name = "values/{0} renders as golden/{1}")
    @CsvSource({
            "minimal.yaml,                 default.yaml",
            "existing-secret-cluster.yaml, existing-secret-cluster.yaml",
            "everything-on.yaml,           everything-on.yaml",
    })
    @DisplayName("rendering a values file gives exactly its golden manifests")
    void rendersAsGolden(String valuesFile, String goldenFile) throws IOException {
        String rendered = Chart.template(valuesFile, Map.of());
        Path golden = Chart.GOLDEN_DIR.resolve(goldenFile);

        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered);
            abort("-D" + UPDATE_PROPERTY + "=true: rewrote " + golden + " (review it with git diff)");
        }

        assertThat(golden).as("golden file missing; create it with -D%s=true", UPDATE_PROPERTY).isRegularFile();
        assertThat(normalize(rendered))
                .as("%s rendered differently from %s; if the change is intended, regenerate with -D%s=true",
                        valuesFile, golden, UPDATE_PROPERTY)
                .isEqualTo(normalize(Files.readString(golden)));
    }

    /** Tolerates a checkout with CRLF line endings (git autocrlf on Windows). */
    private static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }
}
