package dev.plumbline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.plumbline.app.testing.RunningApp;
import dev.plumbline.sql.psr.PlantedPlatform;
import dev.plumbline.sql.testing.ClickHouseExtension;
import dev.plumbline.sql.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CSV export as a Frictionless Data Package ({@code format=datapackage}), checked against the published
 * Tabular Data Package and Table Schema profiles (JSON Schema draft 4, from the npm packages of the Frictionless
 * libraries: bin/test fetches them into PLUMBLINE_FRICTIONLESS_PROFILES): the descriptor is valid, the CSV inside is
 * the CSV export byte for byte, and each field names its column, its type fits every value, and a defined figure
 * carries its unit and definition.
 */
@ExtendWith(ClickHouseExtension.class)
class DataPackageTest {

    private static final String PERIOD = "month=2026-10";
    private static RunningApp app;
    private static Schema dataPackage;
    private static Schema tableSchema;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(TestDatabase db) throws IOException {
        String dir = System.getenv("PLUMBLINE_FRICTIONLESS_PROFILES");
        assertThat(dir).as("PLUMBLINE_FRICTIONLESS_PROFILES (bin/test sets it)").isNotBlank();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        dataPackage = registry.getSchema(Files.readString(Path.of(dir, "tabular-data-package.json")));
        tableSchema = registry.getSchema(Files.readString(Path.of(dir, "table-schema.json")));
        PlantedPlatform.seed(db.migrate().clickHouse(), PlantedPlatform.clock());
        app = RunningApp.start(db, Map.of());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/figures/services.csv?" + PERIOD, "/api/v1/figures/slices.csv?service=search&" + PERIOD,
        "/api/v1/figures/groups.csv?by=segment&" + PERIOD, "/api/v1/rankings/slices.csv?" + PERIOD,
        "/api/v1/rankings/services.csv?" + PERIOD, "/api/v1/rankings/segments.csv?" + PERIOD,
        "/api/v1/customer-health/export.csv?" + PERIOD, "/api/v1/explore.csv?figure=p95&by=segment&" + PERIOD})
    void the_export_as_a_data_package_is_valid_and_holds_the_csv_with_each_fields_type_unit_and_definition(String csvPath)
            throws IOException {
        HttpResponse<String> csv = app.getAs("pm", csvPath);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        HttpResponse<byte[]> zip = app.getBytesAs("pm", csvPath + "&format=datapackage");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        Map<String, byte[]> files = unzip(zip.body());
        assertThat(files).containsKey("datapackage.json").hasSize(2);

        JsonNode descriptor = JSON.readTree(files.get("datapackage.json"));
        assertThat(dataPackage.validate(descriptor)).as("Tabular Data Package profile").isEmpty();
        JsonNode resource = descriptor.get("resources").get(0);
        assertThat(tableSchema.validate(resource.get("schema"))).as("Table Schema profile").isEmpty();
        String path = resource.get("path").asText();
        assertThat(new String(files.get(path), StandardCharsets.UTF_8)).isEqualTo(csv.body());

        List<CSVRecord> records = CSVFormat.RFC4180.builder().get().parse(new StringReader(csv.body())).getRecords();
        List<String> headers = records.getFirst().toList();
        List<String> names = new ArrayList<>();
        resource.get("schema").get("fields").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).isEqualTo(headers);
        for (int i = 0; i < headers.size(); i++) {
            JsonNode field = resource.get("schema").get("fields").get(i);
            String type = field.get("type").asText();
            for (CSVRecord row : records.subList(1, records.size())) {
                String cell = row.get(i);
                if (!cell.isEmpty()) {
                    assertThat(fits(type, cell)).as("%s: '%s' is a %s", headers.get(i), cell, type).isTrue();
                }
            }
            assertThat(field.get("description").asText()).isNotBlank();
            if (headers.get(i).endsWith(")")) {
                assertThat(headers.get(i)).endsWith("(" + field.get("unit").asText() + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"availability (%)", "p95 (ms)", "revenue at risk (USD)", "badness (x)", "health (0-100)"})
    void a_defined_figure_points_to_its_definition(String header) throws IOException {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/figures/services.csv?", "/api/v1/rankings/slices.csv?",
                "/api/v1/customer-health/export.csv?")) {
            JsonNode d = JSON.readTree(unzip(app.getBytesAs("pm", path + PERIOD + "&format=datapackage").body())
                    .get("datapackage.json"));
            d.get("resources").get(0).get("schema").get("fields").forEach(f -> fields.putIfAbsent(f.get("name").asText(), f));
        }
        JsonNode field = fields.get(header);
        assertThat(field).as(header).isNotNull();
        String id = field.get("definition").asText().substring("/api/v1/definitions/".length());
        Map<String, Object> definition = app.jsonMap(app.getAs("pm", "/api/v1/definitions/" + id).body());
        assertThat(field.get("description").asText()).isEqualTo(definition.get("name") + ": " + definition.get("formula"));
        assertThat(field.get("type").asText()).isEqualTo("number");
    }

    @org.junit.jupiter.api.Test
    void the_profiles_refuse_a_broken_descriptor_so_the_checks_above_can_fail() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode descriptor = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(unzip(app.getBytesAs("pm", "/api/v1/figures/services.csv?" + PERIOD + "&format=datapackage")
                        .body()).get("datapackage.json"));
        com.fasterxml.jackson.databind.node.ObjectNode field = (com.fasterxml.jackson.databind.node.ObjectNode)
                descriptor.get("resources").get(0).get("schema").get("fields").get(0);
        field.put("type", "colour");
        assertThat(tableSchema.validate(descriptor.get("resources").get(0).get("schema"))).isNotEmpty();
        descriptor.remove("resources");
        assertThat(dataPackage.validate(descriptor)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zip", "DataPackage2", "<script>"})
    void an_unknown_format_is_refused_by_name(String format) {
        HttpResponse<String> r = app.getAs("pm", "/api/v1/figures/services.csv?" + PERIOD + "&format="
                + java.net.URLEncoder.encode(format, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat((String) app.jsonMap(r.body()).get("message")).contains("format: must be csv or datapackage");
    }

    private static boolean fits(String type, String cell) {
        return switch (type) {
            case "number" -> cell.matches("-?\\d+(\\.\\d+)?");
            case "integer" -> cell.matches("-?\\d+");
            case "boolean" -> cell.equals("true") || cell.equals("false");
            case "date" -> cell.matches("\\d{4}-\\d{2}-\\d{2}");
            default -> true;
        };
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
