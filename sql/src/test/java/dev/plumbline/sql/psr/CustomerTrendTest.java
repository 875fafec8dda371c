package dev.plumbline.sql.psr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CustomerTrend#of}: a customer's busiest services and its days over all of them. Each row plants service days
 * as day/service/requests/errors (day 1, 2 or 3 of October 2026) and gives the expected results, written by hand:
 * the busiest services, then per day with telemetry requests/errors/error rate/other services' requests ("-" absent).
 */
class CustomerTrendTest {

    private static final LocalDate D1 = LocalDate.of(2026, 10, 1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the totals add every service of the day                     | 1/a/100/1 1/b/300/3                 | b a         | 1/400/4/0.01/-",
            "a day without telemetry is absent, not zero                 | 1/a/100/0 3/a/50/5                  | a           | 1/100/0/0/- 3/50/5/0.1/-",
            "a day with rows but no requests has no error rate           | 1/a/0/0                             | a           | 1/0/0/-/-",
            "the busiest services come first, ties by name               | 1/c/10/0 1/a/10/0 1/b/20/0          | b a c       | 1/40/0/0/-",
            "busiest is over the whole range, not one day                | 1/a/100/0 2/b/60/0 3/b/60/0         | b a         | 1/100/0/0/- 2/60/0/0/- 3/60/0/0/-",
            "beyond six services the rest are other services             | 1/s1/10/0 1/s2/20/0 1/s3/30/0 1/s4/40/0 1/s5/50/0 1/s6/60/0 1/s7/70/7 1/s8/80/0 3/s8/5/0 | s8 s7 s6 s5 s4 s3 | 1/360/7/0.019444444444444445/30 3/5/0/0/0",
            "a day with only busiest services has no other requests      | 1/s1/1/0 1/s2/2/0 1/s3/3/0 1/s4/4/0 1/s5/5/0 1/s6/6/0 1/s7/7/0 2/s7/9/0 | s7 s6 s5 s4 s3 s2 | 1/28/0/0/1 2/9/0/0/0",
    })
    void a_customers_totals_and_busiest_services(String sentence, String planted, String busiest, String totals) {
        List<CustomerTrend.ServiceDay> days = new ArrayList<>();
        for (String d : planted.trim().split("\\s+")) {
            String[] p = d.split("/");
            double requests = Double.parseDouble(p[2]);
            double errors = Double.parseDouble(p[3]);
            days.add(new CustomerTrend.ServiceDay(D1.plusDays(Integer.parseInt(p[0]) - 1), p[1], requests, errors,
                    requests > 0 ? errors / requests : 0, null));
        }
        CustomerTrend trend = CustomerTrend.of("acme", days);

        assertThat(trend.customer()).isEqualTo("acme");
        assertThat(trend.days()).isEqualTo(days);
        assertThat(trend.busiest()).containsExactlyElementsOf(Arrays.asList(busiest.trim().split("\\s+")));
        List<CustomerDay> expected = new ArrayList<>();
        for (String t : totals.trim().split("\\s+")) {
            String[] p = t.split("/");
            expected.add(new CustomerDay(D1.plusDays(Integer.parseInt(p[0]) - 1), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), p[3].equals("-") ? null : Double.valueOf(p[3]),
                    p[4].equals("-") ? null : Double.valueOf(p[4])));
        }
        assertThat(trend.totals()).isEqualTo(expected);
    }
}
