package dev.plumbline.collectors.catalog;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses one catalog file's YAML within bounds, so that a hostile file is refused at once instead of being parsed for
 * tens of seconds: at most {@link #MAX_CHARS} characters per file and {@link #MAX_LINE} per line (both checked
 * before parsing: SnakeYAML's time grows faster than the length of a line; measured, a 6 MB line takes 12 s, 64 KB
 * lines 3 ms each), {@link #MAX_ALIASES} aliases to lists or mappings (against alias bombs, "billion laughs"),
 * {@link #MAX_DEPTH} levels of nesting, no duplicate keys, and no Java types (SafeConstructor). A file's documents
 * ({@code ---}) are objects; a document that is a list (as OpenSLO's Go SDK writes) holds one object per item.
 */
final class YamlLimits {

    static final int MAX_CHARS = 5 * 1024 * 1024;
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 30;

    private YamlLimits() {
    }

    /** A file refused as a whole; {@code where} is "" or "line N". */
    static final class Refused extends RuntimeException {
        private final String where;

        Refused(String where, String reason) {
            super(reason);
            this.where = where;
        }

        String where() {
            return where;
        }
    }

    /**
     * The file's OpenSLO objects with their YAML paths: {@code $[d]} for the d-th document; in a list, {@code $[i]} for
     * its i-th item when the list is the file's only document, else {@code $[d][i]}.
     */
    static List<YamlNode> documents(String text) {
        if (text.length() > MAX_CHARS) {
            throw new Refused("", "too large: a catalog file may hold at most " + MAX_CHARS + " characters, this one "
                    + text.length() + "; split it into several files");
        }
        int line = 1;
        for (int start = 0; start < text.length(); line++) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (end - start > MAX_LINE) {
                throw new Refused("line " + line, "too long: a line may hold at most " + MAX_LINE + " characters, this "
                        + "one " + (end - start) + " (write long text as a block scalar, | or >, over several lines)");
            }
            start = end + 1;
        }
        List<Object> loaded = new ArrayList<>();
        try {
            new Yaml(new SafeConstructor(options())).loadAll(text).forEach(loaded::add);
        } catch (MarkedYAMLException e) {
            throw new Refused("line " + (e.getProblemMark().getLine() + 1), "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new Refused("", reason(e.getMessage()));
        }
        List<YamlNode> out = new ArrayList<>();
        for (int d = 0; d < loaded.size(); d++) {
            String path = loaded.size() == 1 ? "$" : "$[" + d + "]";
            if (loaded.get(d) instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    out.add(new YamlNode(items.get(i), path + "[" + i + "]"));
                }
            } else if (loaded.get(d) != null) {   // null: an empty document, e.g. after a trailing ---
                out.add(new YamlNode(loaded.get(d), "$[" + d + "]"));
            }
        }
        return out;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        return options;
    }

    /** SnakeYAML's limit messages, said as what the file did wrong. */
    private static String reason(String message) {
        String m = String.valueOf(message);
        if (m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return "not valid YAML: more than " + MAX_ALIASES + " aliases to lists or mappings (refused as an alias "
                    + "bomb; write the values out)";
        }
        if (m.startsWith("Nesting Depth exceeded")) {
            return "not valid YAML: nested deeper than " + MAX_DEPTH + " levels";
        }
        return "not valid YAML: " + m;
    }
}
