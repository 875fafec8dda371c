package dev.plumbline.app.api;

import dev.plumbline.sql.definitions.Definitions;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** How every export endpoint answers: the CSV, or with {@code format=datapackage} its data package ({@link DataPackage}). */
@Singleton
final class Exports {

    private final Definitions definitions;
    private final JsonMapper json;
    private final Clock clock;

    Exports(Definitions definitions, JsonMapper json, Clock clock) {
        this.definitions = definitions;
        this.json = json;
        this.clock = clock;
    }

    /** {@code name} names the files (name.csv, name.zip); {@code title} the package. */
    <T> HttpResponse<?> respond(String format, String name, String title, List<Csv.Column<T>> columns, List<T> rows) {
        return DataPackage.respond(format, name, title, columns, rows, definitions, json, clock.instant());
    }
}
