package dev.plumbline.collectors.customers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.plumbline.collectors.imports.ImportProblem;
import dev.plumbline.collectors.imports.ImportRejected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads customers posted as JSON: an array of objects whose keys are the field keys ({@code id}, {@code name},
 * {@code arr}, {@code currency}, {@code seats}, ...; see {@link CustomerField#key()}). Values are strings, numbers
 * or null. Streaming and strict: a duplicate key, a nested value or an unknown key is an error naming the item.
 */
public final class CustomerJsonReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000).maxNestingDepth(10).build())
            .build();

    private CustomerJsonReader() {
    }

    public static List<RawCustomer> read(String json) {
        List<RawCustomer> rows = new ArrayList<>();
        int item = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw reject(0, "", "expected a JSON array of customer objects");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                item++;
                if (token == null) {
                    throw reject(0, "", "the JSON ends before the array is closed (cut off?)");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw reject(item, "", "expected an object, found " + describe(token));
                }
                rows.add(object(parser, item));
                if (rows.size() > CustomerCsvReader.MAX_ROWS) {
                    throw reject(0, "", "more than " + CustomerCsvReader.MAX_ROWS + " customers; split the request");
                }
            }
            if (parser.nextToken() != null) {
                throw reject(0, "", "unexpected content after the array");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw reject(item, "", "not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw reject(item, "", "cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private static RawCustomer object(JsonParser parser, int item) throws IOException {
        Map<CustomerField, String> values = new EnumMap<>(CustomerField.class);
        Map<CustomerField, String> names = new EnumMap<>(CustomerField.class);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            CustomerField field;
            try {
                field = CustomerField.ofKey(key);
            } catch (IllegalArgumentException e) {
                throw reject(item, key, e.getMessage());
            }
            JsonToken value = parser.nextToken();
            switch (value) {
                case VALUE_STRING -> values.put(field, parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(field, parser.getDecimalValue().toPlainString());
                case VALUE_NULL -> { }
                default -> throw reject(item, key, "expected a string or a number, found " + describe(value));
            }
            names.put(field, key);
        }
        if (token != JsonToken.END_OBJECT) {
            throw reject(item, "", "the object is not closed");
        }
        return new RawCustomer(item, values, names);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private static ImportRejected reject(int item, String field, String reason) {
        return new ImportRejected(List.of(new ImportProblem(item, field, reason)));
    }
}
