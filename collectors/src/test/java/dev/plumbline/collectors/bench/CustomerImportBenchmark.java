package dev.plumbline.collectors.bench;

import dev.plumbline.collectors.customers.CustomerImporter;
import dev.plumbline.collectors.customers.CustomerParser;
import dev.plumbline.collectors.customers.ParsedCustomers;
import dev.plumbline.sql.ClickHouse;
import dev.plumbline.sql.ConnectionSpec;
import dev.plumbline.sql.NamedQuery;
import dev.plumbline.sql.QueryListener;
import dev.plumbline.sql.customer.CurrencyRates;
import dev.plumbline.sql.customer.CustomerStore;
import dev.plumbline.sql.imports.MappingStore;
import dev.plumbline.sql.migration.Migrator;
import dev.plumbline.sql.migration.SchemaOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Imports N customers (default 100,000) from a CSV export into a fresh database and reports the time and the peak
 * memory. Run with {@code bin/benchmark customers-import}; arguments: ClickHouse URL, row count, result file.
 */
public final class CustomerImportBenchmark {

    private CustomerImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path out = Path.of(args.length > 2 ? args[2] : "target/benchmark-customers-import.txt");
        byte[] csv = csv(rows);
        ConnectionSpec spec = new ConnectionSpec(url, "bench_customers_" + System.currentTimeMillis(), null, null);
        ClickHouse.createDatabase(spec, "");
        try (ClickHouse ch = ClickHouse.connect(spec, 2, QueryListener.NONE)) {
            new Migrator(ch, SchemaOptions.SINGLE_NODE).migrate();
            CurrencyRates rates = CurrencyRates.of("USD", List.of("EUR=1.08", "GBP=1.27"));
            CustomerStore store = new CustomerStore(ch, Clock.systemUTC());
            CustomerImporter importer = new CustomerImporter(new CustomerParser(rates), store,
                    new MappingStore(ch, Clock.systemUTC()), Clock.systemUTC());
            resetPeaks();
            long t0 = System.nanoTime();
            ParsedCustomers parsed = importer.previewCsv(csv, null);
            long t1 = System.nanoTime();
            if (!parsed.acceptable()) {
                throw new IllegalStateException("generated file refused: " + parsed.problems().getFirst());
            }
            CustomerImporter.Outcome first = importer.importCsv(csv, null);
            long t2 = System.nanoTime();
            CustomerImporter.Outcome again = importer.importCsv(csv, null);
            long t3 = System.nanoTime();
            long stored = ch.queryOne(new NamedQuery("count", "SELECT count() FROM customers FINAL"), r -> r.getLong(1)).orElse(0L);
            String report = String.format(Locale.ROOT, """
                    customers import benchmark (%d rows, %.1f MB CSV)
                      check only (read + validate):         %6.2f s
                      import into an empty database:        %6.2f s  (%d added, %d rows stored)
                      same file again (nothing to write):   %6.2f s  (%d unchanged)
                      peak heap used:                       %6.0f MB
                      peak resident memory of the JVM:      %6.0f MB
                      JVM max heap:                         %6.0f MB
                    """, rows, csv.length / 1e6, (t1 - t0) / 1e9, (t2 - t1) / 1e9, first.added(), stored,
                    (t3 - t2) / 1e9, again.unchanged(), peakHeap() / 1e6, peakRss() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.print(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            ch.execute(new NamedQuery("drop", "DROP DATABASE " + spec.database() + " SYNC"));
        }
    }

    /** A CRM-like export: quoted names with commas, thousands separators, three currencies, dates. */
    static byte[] csv(int rows) {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(rows * 120);
        out.append("Account ID,Account Name,Segment,Region,Plan,ARR,Currency,Seats,Active Users,Renewal Date,Data Volume GB\n");
        String[] segments = {"enterprise", "mid-market", "smb"};
        String[] regions = {"us-east", "us-west", "eu-west", "eu-central", "ap-southeast"};
        String[] currencies = {"USD", "USD", "USD", "EUR", "GBP"};
        for (int i = 1; i <= rows; i++) {
            long cents = (long) (800_000 * Math.exp(1.5 * random.nextGaussian()));
            out.append("acc-").append(i).append(",\"Company ").append(i).append(", Inc.\",")
                    .append(segments[random.nextInt(3)]).append(',').append(regions[random.nextInt(5)]).append(",growth,")
                    .append('"').append(String.format(Locale.US, "%,d.%02d", cents / 100, cents % 100)).append("\",")
                    .append(currencies[random.nextInt(5)]).append(',').append(1 + random.nextInt(5000)).append(',')
                    .append(random.nextInt(3000)).append(",2027-").append(String.format("%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .append(',').append(random.nextInt(100_000) / 10.0).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024.0;
            }
        }
        return -1;
    }
}
