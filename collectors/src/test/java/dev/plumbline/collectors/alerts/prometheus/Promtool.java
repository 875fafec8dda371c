package dev.plumbline.collectors.alerts.prometheus;

import dev.plumbline.collectors.testing.LocalPrometheus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's promtool (Prometheus 2.42), run on files in a folder; its exit code and what it printed. */
public final class Promtool {

    public record Result(int exit, String output) {
        public boolean success() {
            return exit == 0;
        }
    }

    private Promtool() {
    }

    /** {@code promtool --version}'s first line, e.g. "promtool, version 2.42.0+ds (branch: debian/sid, ...)". */
    public static String version() throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.io.tmpdir")), "--version").output().lines().findFirst().orElse("");
    }

    /** {@code promtool check rules FILE}. */
    public static Result checkRules(Path ruleFile) throws IOException, InterruptedException {
        return run(ruleFile.getParent(), "check", "rules", ruleFile.getFileName().toString());
    }

    /** {@code promtool test rules FILE} in the file's folder (rule_files are relative to it). */
    public static Result testRules(Path testFile) throws IOException, InterruptedException {
        return run(testFile.getParent(), "test", "rules", testFile.getFileName().toString());
    }

    /** Writes {@code files} (name, text) into {@code dir}. */
    public static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LocalPrometheus.binary("promtool")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "promtool", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }
}
