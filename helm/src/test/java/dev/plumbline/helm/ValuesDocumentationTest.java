package dev.plumbline.helm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.yaml is the chart's user documentation: every key must be documented by a comment block directly
 * above it that contains a {@code # --} line (the helm-docs convention). A documented key whose default is an
 * object (e.g. podSecurityContext) also covers the keys inside that object; a plain group without such a
 * comment (e.g. {@code image:}, or {@code clickhouse:} under a prose comment) is fine as long as each key
 * under it is documented.
 */
@DisplayName("values.yaml")
class ValuesDocumentationTest {

    private static final Pattern KEY = Pattern.compile("^(\\s*)([^#\\s-][^:#]*?):(?:\\s+(.*))?$");

    @Test
    @DisplayName("has a comment on every key")
    void everyKeyIsCommented() throws IOException {
        List<String> lines = Files.readAllLines(Chart.CHART_DIR.resolve("values.yaml"));

        assertThat(undocumentedKeys(lines)).as("keys in values.yaml without a comment above them").isEmpty();
    }

    @Test
    @DisplayName("the documentation check notices a key without a comment")
    void checkerNoticesMissingComment() {
        List<String> lines = List.of(
                "# -- documented,",
                "#    over two lines",
                "a: 1",
                "# a prose section comment documents no key",
                "group:",
                "  # -- documented",
                "  b: 2",
                "  c: 3",
                "  # -- documents the object and what is inside it",
                "  e:",
                "    f: 4",
                "",
                "d: {}",
                "# prose only",
                "h: 5");

        assertThat(undocumentedKeys(lines)).containsExactly("group.c", "d", "h");
    }

    /** Dotted paths of keys that are not documented, do not sit under a documented key and have no keys under them. */
    static List<String> undocumentedKeys(List<String> lines) {
        record Key(int indent, String path, boolean documented) {
        }
        Deque<Key> parents = new ArrayDeque<>();
        List<Key> keys = new ArrayList<>();
        Set<String> withChildren = new LinkedHashSet<>();
        boolean documentedByComment = false;
        for (String line : lines) {
            if (line.isBlank()) {
                documentedByComment = false;
                continue;
            }
            if (line.strip().startsWith("#")) {
                documentedByComment |= line.strip().startsWith("# --");
                continue;
            }
            Matcher matcher = KEY.matcher(line);
            if (matcher.matches()) {
                int indent = matcher.group(1).length();
                while (!parents.isEmpty() && parents.peek().indent() >= indent) {
                    parents.pop();
                }
                Key parent = parents.peek();
                String name = matcher.group(2).replace("\"", "");
                String path = parent == null ? name : parent.path() + "." + name;
                Key key = new Key(indent, path, documentedByComment || (parent != null && parent.documented()));
                if (parent != null) {
                    withChildren.add(parent.path());
                }
                keys.add(key);
                parents.push(key);
            }
            documentedByComment = false;
        }
        return keys.stream()
                .filter(k -> !k.documented() && !withChildren.contains(k.path()))
                .map(Key::path)
                .toList();
    }
}
