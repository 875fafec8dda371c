package dev.plumbline.collectors.bench;

import java.lang.management.ManagementFactory;
import java.util.OptionalDouble;

/**
 * CPU time for the benchmarks, in core-seconds: this JVM's (all its threads: JIT, GC and the HTTP client's included)
 * and another process' on this machine, read from /proc through {@link ProcessHandle} (zero-cost, no sampling).
 */
final class Cpu {

    private Cpu() {
    }

    static double jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** The process' CPU so far, when it runs and the system tells. */
    static OptionalDouble of(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> OptionalDouble.of(d.toNanos() / 1e9))
                .orElse(OptionalDouble.empty());
    }

    /** The local ClickHouse's CPU so far: bin/benchmark passes its pid in PLUMBLINE_CLICKHOUSE_PID when it started it. */
    static OptionalDouble clickHouse() {
        String pid = System.getenv("PLUMBLINE_CLICKHOUSE_PID");
        if (pid == null || pid.isBlank()) {
            return OptionalDouble.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid.strip())).map(Cpu::of).orElse(OptionalDouble.empty());
    }

    /** b - a, or NaN when either is unknown. */
    static double between(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? b.getAsDouble() - a.getAsDouble() : Double.NaN;
    }
}
