package dev.plumbline.app.notify;

import dev.plumbline.app.config.DestinationProperties;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured destinations by name, checked at start (a wrong one stops the application, naming its key). */
@Singleton
public final class Destinations {

    private final Map<String, Destination> byName = new LinkedHashMap<>();

    public Destinations(List<DestinationProperties> properties) {
        properties.stream().sorted(Comparator.comparing(DestinationProperties::name))
                .forEach(p -> byName.put(p.name(), p.toDestination()));
    }

    /** The destination named {@code name}. */
    public Optional<Destination> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every destination, by name. */
    public List<Destination> all() {
        return List.copyOf(byName.values());
    }
}
