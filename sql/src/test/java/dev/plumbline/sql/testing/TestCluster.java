package dev.plumbline.sql.testing;

import dev.plumbline.sql.Sharding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two-shard ClickHouse cluster the tests of this JVM share (README, "Clusters"), found once:
 * <ol>
 *   <li>the comma-separated shard URLs in {@value #SHARDS_VARIABLE} and the cluster's name in
 *   {@value #CLUSTER_VARIABLE}, when set;</li>
 *   <li>else two local servers started with {@code bin/clickhouse} (chDB), each with a {@code remote_servers}
 *   configuration naming both as the shards of cluster {@value #CLUSTER}, stopped when the JVM exits.</li>
 * </ol>
 * chDB serves {@code Distributed} tables between such servers; it has no interserver port, so {@code ON CLUSTER} DDL
 * and replicated tables do not run on it.
 */
public record TestCluster(Sharding sharding, String user, String password, String origin) {

    public static final String SHARDS_VARIABLE = "PLUMBLINE_TEST_CLICKHOUSE_SHARDS";
    public static final String CLUSTER_VARIABLE = "PLUMBLINE_TEST_CLICKHOUSE_CLUSTER";
    public static final String CLUSTER = "plumbline_shards";
    /**
     * In the local servers' configuration only: the same servers as one shard with two replicas, a layout a sharded
     * store refuses.
     */
    public static final String REPLICAS = "plumbline_replicas";

    private static TestCluster shared;

    public static synchronized TestCluster shared() {
        if (shared == null) {
            shared = find();
        }
        return shared;
    }

    private static TestCluster find() {
        String urls = System.getenv(SHARDS_VARIABLE);
        if (urls != null && !urls.isBlank()) {
            String cluster = System.getenv(CLUSTER_VARIABLE);
            return new TestCluster(Sharding.of(cluster == null ? CLUSTER : cluster, Arrays.asList(urls.split(","))),
                    env("PLUMBLINE_TEST_CLICKHOUSE_USER", "default"), env("PLUMBLINE_TEST_CLICKHOUSE_PASSWORD", ""),
                    SHARDS_VARIABLE);
        }
        return localServers(2);
    }

    /** {@code count} local servers on free ports, each configured with the cluster of all of them. */
    private static TestCluster localServers(int count) {
        Path root = TestServer.repositoryRoot();
        Path script = root.resolve("bin/clickhouse");
        Path folder = root.resolve("target/test-cluster");
        int[] ports = freePorts(2 * count);
        StringBuilder shards = new StringBuilder();
        StringBuilder replicas = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String replica = "<replica><host>127.0.0.1</host><port>" + ports[2 * i + 1] + "</port></replica>";
            shards.append("      <shard>").append(replica).append("</shard>\n");
            replicas.append(replica);
        }
        String config = "<clickhouse>\n  <remote_servers>\n    <" + CLUSTER + ">\n" + shards + "    </" + CLUSTER
                + ">\n    <" + REPLICAS + ">\n      <shard>" + replicas + "</shard>\n    </" + REPLICAS
                + ">\n  </remote_servers>\n</clickhouse>\n";
        List<String> urls = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("remote_servers.xml");
            Files.writeString(file, config);
            for (int i = 0; i < count; i++) {
                Path data = folder.resolve("shard" + (i + 1));
                TestServer.run(List.of(script.toString(), "stop", "--data", data.toString()));   // a leftover of an earlier run
                deleteRecursively(data);
                String out = TestServer.run(List.of(script.toString(), "start", "--data", data.toString(),
                        "--http-port", Integer.toString(ports[2 * i]), "--tcp-port", Integer.toString(ports[2 * i + 1]),
                        "--config-file", file.toString(), "--exit-with", Long.toString(ProcessHandle.current().pid())));
                Runtime.getRuntime().addShutdownHook(new Thread(() ->
                        TestServer.run(List.of(script.toString(), "stop", "--data", data.toString()))));
                String[] lines = out.strip().split("\n");
                urls.add(lines[lines.length - 1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder, e);
        }
        return new TestCluster(Sharding.of(CLUSTER, urls), "default", "", "bin/clickhouse x " + count + " (" + folder + ")");
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                sockets.add(s);
                out[i] = s.getLocalPort();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
