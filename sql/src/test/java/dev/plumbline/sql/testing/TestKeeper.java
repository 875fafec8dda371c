package dev.plumbline.sql.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * A ZooKeeper of its own (bin/zookeeper: Debian's zookeeper 3.8) and a ClickHouse (bin/clickhouse: chDB) pointed at
 * it, for tests that take Keeper away and bring it back: the suite's shared ZooKeeper must stay up for the others.
 * The ZooKeeper restarts on the same port with the same data, as a Keeper coming back after an outage would.
 */
public final class TestKeeper implements AutoCloseable {

    private final Path zookeeper;
    private final Path clickHouse;
    private final int port;
    private final String url;

    private TestKeeper(Path zookeeper, Path clickHouse, int port, String url) {
        this.zookeeper = zookeeper;
        this.clickHouse = clickHouse;
        this.port = port;
        this.url = url;
    }

    /** Starts both in {@code folder} (emptied first by the caller: a JUnit temporary directory). */
    public static TestKeeper start(Path folder) {
        Path root = TestServer.repositoryRoot();
        Path zookeeper = folder.resolve("zookeeper");
        Path clickHouse = folder.resolve("clickhouse");
        String pid = Long.toString(ProcessHandle.current().pid());
        String address = last(TestServer.run(List.of(root.resolve("bin/zookeeper").toString(), "start", "--data",
                zookeeper.toString(), "--exit-with", pid)));
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        String config = last(TestServer.run(List.of(root.resolve("bin/zookeeper").toString(), "clickhouse-config",
                "--data", zookeeper.toString())));
        String url = last(TestServer.run(List.of(root.resolve("bin/clickhouse").toString(), "start", "--data",
                clickHouse.toString(), "--config-file", config, "--exit-with", pid)));
        return new TestKeeper(zookeeper, clickHouse, port, url);
    }

    private static String last(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The ClickHouse whose KeeperMap tables live in this ZooKeeper. */
    public String clickHouseUrl() {
        return url;
    }

    /** Takes Keeper away (the process stops; its data stays). */
    public void stopKeeper() {
        TestServer.run(List.of(TestServer.repositoryRoot().resolve("bin/zookeeper").toString(), "stop", "--data",
                zookeeper.toString()));
    }

    /** Brings it back on the same port with the same data; returns once it answers. */
    public void startKeeper() {
        TestServer.run(List.of(TestServer.repositoryRoot().resolve("bin/zookeeper").toString(), "start", "--data",
                zookeeper.toString(), "--port", Integer.toString(port), "--exit-with",
                Long.toString(ProcessHandle.current().pid())));
    }

    @Override
    public void close() {
        Path root = TestServer.repositoryRoot();
        TestServer.run(List.of(root.resolve("bin/clickhouse").toString(), "stop", "--data", clickHouse.toString()));
        TestServer.run(List.of(root.resolve("bin/zookeeper").toString(), "stop", "--data", zookeeper.toString()));
    }
}
