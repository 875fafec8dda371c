package dev.plumbline.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Test access to the chart in {@code helm/plumbline}: renders it with helm-java
 * (Helm linked in as a native library, no helm binary) and parses the output.
 */
final class Chart {

    /** Release name used for every render, so resource names are stable in the goldens. */
    static final String RELEASE = "plumbline";
    static final String NAMESPACE = "plumbline";

    /** The module directory; Surefire sets {@code basedir}, IDEs run from the module directory. */
    static final Path MODULE_DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path CHART_DIR = MODULE_DIR.resolve("plumbline");
    static final Path VALUES_DIR = MODULE_DIR.resolve("src/test/resources/values");
    static final Path GOLDEN_DIR = MODULE_DIR.resolve("src/test/resources/golden");

    private Chart() {
    }

    static Helm helm() {
        return new Helm(CHART_DIR);
    }

    /** {@code helm template plumbline ./plumbline -n plumbline [-f values/<file>] [--set k=v ...]}. */
    static String template(String valuesFile, Map<String, ?> sets) {
        TemplateCommand command = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            command = command.withValuesFile(VALUES_DIR.resolve(valuesFile));
        }
        for (Map.Entry<String, ?> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static Manifests render(String valuesFile) {
        return render(valuesFile, Map.of());
    }

    static Manifests render(String valuesFile, Map<String, ?> sets) {
        return Manifests.parse(template(valuesFile, sets));
    }

    /** Chart.yaml, parsed. */
    static Map<String, Object> metadata() {
        return map(loadYaml(CHART_DIR.resolve("Chart.yaml")));
    }

    static Object loadYaml(Path file) {
        try {
            return yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a YAML mapping but got: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?>)) {
            throw new AssertionError("expected a YAML sequence but got: " + node);
        }
        return (List<Object>) node;
    }

    /** Follows a dotted path of mapping keys, e.g. {@code at(deployment, "spec.template.spec")}. */
    static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            node = map(node).get(key);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        return map(at(root, path));
    }

    /** The parsed documents of one render. */
    record Manifests(String text, List<Map<String, Object>> documents) {

        static Manifests parse(String text) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : yaml().loadAll(text)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return new Manifests(text, List.copyOf(documents));
        }

        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(d -> Objects.equals(kind, d.get("kind"))).toList();
        }

        Map<String, Object> single(String kind) {
            List<Map<String, Object>> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected exactly one " + kind + " but rendered " + found.size()
                        + " in:\n" + text);
            }
            return found.getFirst();
        }

        List<String> kinds() {
            return documents.stream().map(d -> String.valueOf(d.get("kind"))).toList();
        }

        Map<String, Object> deployment() {
            return single("Deployment");
        }

        Map<String, Object> podSpec() {
            return mapAt(deployment(), "spec.template.spec");
        }

        /** The Plumbline container (the chart renders exactly one). */
        Map<String, Object> container() {
            List<Object> containers = list(podSpec().get("containers"));
            if (containers.size() != 1) {
                throw new AssertionError("expected one container but got " + containers);
            }
            return map(containers.getFirst());
        }

        /** Container env as name -> EnvVar, in declaration order. */
        Map<String, Map<String, Object>> env() {
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            for (Object entry : list(container().get("env"))) {
                Map<String, Object> var = map(entry);
                Object previous = env.put(String.valueOf(var.get("name")), var);
                if (previous != null) {
                    throw new AssertionError("env var " + var.get("name") + " is declared twice");
                }
            }
            return env;
        }
    }
}
