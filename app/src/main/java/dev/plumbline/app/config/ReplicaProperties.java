package dev.plumbline.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * How several app replicas against one store share the work (README, "Replicas"): plumbline.replicas.* (environment
 * PLUMBLINE_REPLICAS_COORDINATION, PLUMBLINE_REPLICAS_ID, PLUMBLINE_REPLICAS_LEASE_TTL, PLUMBLINE_REPLICAS_RENEW).
 *
 * @param coordination {@code none}: one replica does everything (the default, and right for a single replica);
 *                     {@code keeper-map}: leases in ClickHouse's KeeperMap split the sources and give each singleton
 *                     job to one replica (the ClickHouse servers need a ZooKeeper or Keeper)
 * @param id           this replica's name among the others, unique (default: the host name and a random suffix;
 *                     the Helm chart sets the pod's name)
 * @param leaseTtl     a replica that stops renewing loses its leases after this long
 * @param renew        how often a replica renews its leases and rebalances; at most a third of the TTL
 */
@ConfigurationProperties(ReplicaProperties.PREFIX)
public record ReplicaProperties(@Bindable(defaultValue = "none") String coordination,
                                @Nullable String id,
                                @Bindable(defaultValue = "30s") Duration leaseTtl,
                                @Bindable(defaultValue = "10s") Duration renew) {

    public static final String PREFIX = "plumbline.replicas";

    public ReplicaProperties {
        coordination = coordination == null ? "none" : coordination.strip().toLowerCase(Locale.ROOT);
        if (!coordination.equals("none") && !coordination.equals("keeper-map")) {
            throw new IllegalArgumentException(PREFIX + ".coordination: 'none' or 'keeper-map', was '" + coordination + "'");
        }
        if (renew.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".renew: must be at least 100ms, was " + renew);
        }
        if (leaseTtl.compareTo(renew.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".lease-ttl: must be at least three times renew (" + renew
                    + "), was " + leaseTtl + ": a replica renews before its leases can lapse");
        }
        id = id == null || id.isBlank() ? defaultId() : id.strip();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException(PREFIX + ".id: letters, digits, '.', '_' and '-' (at most 128), was '"
                    + id + "'");
        }
    }

    public boolean coordinated() {
        return coordination.equals("keeper-map");
    }

    private static String defaultId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (java.net.UnknownHostException e) {
            host = "replica";
        }
        return host + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
