package dev.plumbline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    /** These tests read configuration only: no ClickHouse is contacted at start. */
    private static final Map<String, Object> NO_STORE = Map.of("plumbline.schema.migrate-on-start", false);

    @Test
    void defaults_point_at_a_local_clickhouse_and_the_plumbline_database() {
        try (ApplicationContext context = ApplicationContext.run(NO_STORE)) {
            ClickHouseProperties p = context.getBean(ClickHouseProperties.class);

            assertThat(p.url()).isEqualTo("http://127.0.0.1:8123");
            assertThat(p.database()).isEqualTo("plumbline");
            assertThat(p.cluster()).isEmpty();
            assertThat(context.getBean(SchemaProperties.class).rawTtlDays()).isEqualTo(35);
            assertThat(context.getBean(SchemaProperties.class).serviceMinuteTtlDays()).isEqualTo(400);
            assertThat(context.getBean(DemoProperties.class).seed()).isFalse();
        }
    }

    @Test
    void a_native_protocol_url_is_refused_with_a_message_that_starts_with_the_key() {
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.url", "tcp://ch:9000")))
                .rootCause()
                .hasMessageStartingWith("plumbline.clickhouse.url: 'tcp://ch:9000' must start with http:// or https://");
    }

    @Test
    void a_database_name_that_is_not_an_identifier_is_refused_naming_its_key() {
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.database", "plumb-line")))
                .rootCause()
                .hasMessageStartingWith("plumbline.clickhouse.database: database 'plumb-line' is not a valid name");
    }

    @Test
    void shards_make_a_sharded_store_over_the_cluster_and_no_ddl_runs_on_cluster() {
        ClickHouseProperties p = bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.cluster", "prod",
                "plumbline.clickhouse.shards", "http://ch-1:8123, http://ch-2:8123/"));

        assertThat(p.sharding()).isEqualTo(dev.plumbline.sql.Sharding.of("prod",
                java.util.List.of("http://ch-1:8123", "http://ch-2:8123")));
        assertThat(p.ddlCluster()).isEmpty();
        assertThat(bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.cluster", "prod")).ddlCluster())
                .isEqualTo("prod");
        assertThat(bean(ClickHouseProperties.class, Map.of()).sharding().sharded()).isFalse();
    }

    @Test
    void shards_without_a_cluster_or_with_a_url_that_cannot_work_are_refused_naming_the_key() {
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.shards", "http://ch-1:8123")))
                .rootCause()
                .hasMessage("plumbline.clickhouse.shards: needs plumbline.clickhouse.cluster, the name of the cluster in "
                        + "the servers' remote_servers configuration that the Distributed tables read");
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.cluster", "prod",
                "plumbline.clickhouse.shards", "http://ch-1:8123,ch-2:9000")))
                .rootCause()
                .hasMessageStartingWith("plumbline.clickhouse.shards: 'ch-2:9000' must start with http:// or https://");
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.cluster", "prod",
                "plumbline.clickhouse.shards", "http://ch-1:8123,http://ch-1:8123")))
                .rootCause()
                .hasMessage("plumbline.clickhouse.shards: a shard URL is listed twice: [http://ch-1:8123, http://ch-1:8123]");
    }

    @Test
    void a_pool_size_out_of_range_is_refused_naming_its_key() {
        assertThatThrownBy(() -> bean(ClickHouseProperties.class, Map.of("plumbline.clickhouse.pool-size", 0)))
                .rootCause()
                .hasMessage("plumbline.clickhouse.pool-size: must be between 1 and 200, was 0");
    }

    @Test
    void request_body_limits_have_the_documented_defaults_and_refuse_a_limit_below_one_kilobyte() {
        try (ApplicationContext context = ApplicationContext.run(NO_STORE)) {
            assertThat(context.getBean(RequestLimitsProperties.class))
                    .isEqualTo(new RequestLimitsProperties(1_048_576, 33_554_432, 4_194_304));
        }
        assertThatThrownBy(() -> bean(RequestLimitsProperties.class, Map.of("plumbline.limits.max-catalog-bytes", 100)))
                .rootCause()
                .hasMessage("plumbline.limits.max-catalog-bytes: must be between 1024 and 1073741824 bytes, was 100");
    }

    @Test
    void the_raw_ttl_is_checked() {
        assertThatThrownBy(() -> bean(SchemaProperties.class, Map.of("plumbline.schema.raw-ttl-days", 0)))
                .rootCause()
                .hasMessage("plumbline.schema.raw-ttl-days: must be between 1 and 3650, was 0");
    }

    @Test
    void the_per_service_minutes_are_kept_at_least_as_long_as_the_raw_minutes_they_come_from() {
        assertThatThrownBy(() -> bean(SchemaProperties.class, Map.of("plumbline.schema.service-minute-ttl-days", 20)))
                .rootCause()
                .hasMessage("plumbline.schema.service-minute-ttl-days: must be between plumbline.schema.raw-ttl-days (35)"
                        + " and 3650, was 20");
    }

    @Test
    void the_roi_model_has_the_documented_defaults_and_refuses_a_multiplier_below_one() {
        try (ApplicationContext context = ApplicationContext.run(NO_STORE)) {
            assertThat(context.getBean(RoiProperties.class).toModel()).isEqualTo(dev.plumbline.sql.psr.RoiModel.DEFAULT);
        }
        assertThatThrownBy(() -> bean(RoiProperties.class, Map.of("plumbline.roi.renewal-multiplier", 0.5)))
                .rootCause()
                .hasMessage("plumbline.roi: renewal multiplier must be at least 1, was 0.5");
    }

    @Test
    void the_password_is_not_in_the_text_of_the_configuration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("plumbline.schema.migrate-on-start", false,
                "plumbline.clickhouse.url", "http://ch.example:8123", "plumbline.clickhouse.password", "s3cret"))) {
            ClickHouseProperties p = context.getBean(ClickHouseProperties.class);

            assertThat(p.url()).isEqualTo("http://ch.example:8123");
            assertThat(p.toString()).doesNotContain("s3cret");
        }
    }

    private static <T> T bean(Class<T> type, Map<String, Object> properties) {
        var all = new java.util.HashMap<String, Object>(NO_STORE);
        all.putAll(properties);
        try (ApplicationContext context = ApplicationContext.run(all)) {
            return context.getBean(type);
        }
    }
}
