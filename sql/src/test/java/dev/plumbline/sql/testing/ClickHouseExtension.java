package dev.plumbline.sql.testing;

import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real ClickHouse database of its own: {@code @ExtendWith(ClickHouseExtension.class)} and take a
 * {@link TestDatabase} parameter (in a static {@code @BeforeAll}, a constructor or a test method). Where the server
 * comes from: {@link TestServer}. With {@value #SHARDED_VARIABLE}{@code =1} the database is a sharded store on the
 * {@link TestCluster} instead (its {@code Distributed} tables; {@link TestDatabase#migrate()} migrates every shard):
 * the store's tests then run against a cluster (README, "Clusters", says which do not apply).
 */
public final class ClickHouseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final String SHARDED_VARIABLE = "PLUMBLINE_TEST_SHARDED";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ClickHouseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String prefix = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if ("1".equals(System.getenv(SHARDED_VARIABLE))) {
            ShardedDatabase sharded = ShardedDatabase.create(prefix);
            for (ConnectionSpec shard : sharded.sharding().shards(sharded.spec())) {
                ClickHouse.createDatabase(shard, "");
            }
            TestCluster cluster = TestCluster.shared();
            context.getStore(NS).put(ShardedDatabase.class, sharded);
            context.getStore(NS).put(TestDatabase.class, new TestDatabase(sharded.spec(), sharded.clickHouse(),
                    new TestServer(sharded.spec().httpUrl(), cluster.user(), cluster.password(), cluster.origin())));
            return;
        }
        TestServer server = TestServer.shared();
        String database = "test_" + prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ConnectionSpec spec = new ConnectionSpec(server.httpUrl(), database, server.user(), server.password());
        ClickHouse.createDatabase(spec, "");
        context.getStore(NS).put(TestDatabase.class,
                new TestDatabase(spec, ClickHouse.connect(spec, 4, QueryListener.NONE), server));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ShardedDatabase sharded = context.getStore(NS).remove(ShardedDatabase.class, ShardedDatabase.class);
        if (sharded != null) {
            context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
            sharded.close();
            return;
        }
        TestDatabase db = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
        if (db != null) {
            try (ClickHouse clickHouse = db.clickHouse()) {
                clickHouse.execute(new NamedQuery("drop_test_database", "DROP DATABASE IF EXISTS " + db.name() + " SYNC"));
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase db = context.getStore(NS).get(TestDatabase.class, TestDatabase.class);
        if (db == null) {
            throw new IllegalStateException("TestDatabase is only available in classes extended with ClickHouseExtension");
        }
        return db;
    }
}
