package dev.plumbline.app.triggers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Writes the message bodies with Jackson's streaming generator: the fields in the order the published shapes list. */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A map as an object, keys sorted (labels and annotations). */
    static void object(JsonGenerator g, String field, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
