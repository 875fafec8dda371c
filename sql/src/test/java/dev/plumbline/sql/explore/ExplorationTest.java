package dev.plumbline.sql.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.sql.psr.ExploreBy;
import dev.plumbline.sql.psr.ExploreGroup;
import dev.plumbline.sql.psr.Figures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pairing with the previous period and the order of the rows: the worst first, rows without a value last. */
class ExplorationTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            requests     | c,a,b     | highest first
            availability | a,b,c     | lowest first: the worst availability on top
            error-rate   | a,b,c     | highest first
            p95          | b,a,c     | highest first, the group without a histogram last
            customers    | c,b,a     | highest first
            """)
    void the_worst_group_comes_first_and_groups_without_a_value_last(String figureId, String order, String why) {
        ExploreFigure figure = ExploreFigure.of(figureId).orElseThrow();
        List<ExploreGroup> now = List.of(group("a", 200, 20, 0.300, 3), group("b", 100, 1, 0.500, 4),
                group("c", 1000, 0, null, 9));

        Exploration e = Exploration.of(figure, ExploreBy.SERVICE, "", now, List.of());

        assertThat(e.rows()).as(why).extracting(Exploration.Row::key).containsExactly(order.split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            requests | 250 | 200 | 50
            errors   | 5   | 20  | -15
            """)
    void each_group_is_paired_with_its_previous_value_by_key(String figureId, double value, double previous,
                                                             double change) {
        ExploreFigure figure = ExploreFigure.of(figureId).orElseThrow();
        Exploration e = Exploration.of(figure, ExploreBy.SEGMENT, "", List.of(group("a", 250, 5, 0.2, 1),
                group("new", 10, 0, 0.2, 1)), List.of(group("a", 200, 20, 0.2, 1), group("gone", 99, 9, 0.2, 1)));

        Exploration.Row a = e.rows().stream().filter(r -> r.key().equals("a")).findFirst().orElseThrow();
        assertThat(a.value()).isEqualTo(value);
        assertThat(a.previous()).isEqualTo(previous);
        assertThat(a.change()).isEqualTo(change);
        Exploration.Row fresh = e.rows().stream().filter(r -> r.key().equals("new")).findFirst().orElseThrow();
        assertThat(fresh.previous()).isNull();
        assertThat(fresh.change()).isNull();
        assertThat(e.rows()).extracting(Exploration.Row::key).doesNotContain("gone");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            requests, requests, false
            REVENUE-AT-RISK, revenue-at-risk, true
            ' p95 ', p95, false
            customers-outside, customers, false
            """)
    void figures_are_named_whatever_their_case_and_each_is_a_catalog_definition(String typed, String definition,
                                                                                  boolean money) {
        ExploreFigure f = ExploreFigure.of(typed).orElseThrow();
        assertThat(f.definition()).isEqualTo(definition);
        assertThat(f.money()).isEqualTo(money);
        assertThat(ExploreFigure.of("latency")).isEmpty();
        assertThat(ExploreBy.of(" Volume-Band ")).contains(ExploreBy.VOLUME_BAND);
        assertThat(ExploreBy.of("team")).isEmpty();
    }

    private static ExploreGroup group(String key, double requests, double errors, Double p95, long customers) {
        Figures f = new Figures(key, "", requests, errors, requests > 0 ? errors / requests : 0,
                1 - (requests > 0 ? errors / requests : 0), null, p95, null, p95 == null ? "no latency histogram" : "",
                null, null, null, null, customers, List.of());
        return new ExploreGroup(key, key, 0, 0, List.of("svc"), f);
    }
}
