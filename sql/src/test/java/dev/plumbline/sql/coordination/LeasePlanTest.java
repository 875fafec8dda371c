package dev.plumbline.sql.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeasePlanTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(30);
    private static final Instant EARLIER = NOW.minusSeconds(1);

    private static Map<String, Lease> leases(Lease... all) {
        Map<String, Lease> out = new LinkedHashMap<>();
        for (Lease l : all) {
            out.put(l.name(), l);
        }
        return out;
    }

    private static Lease held(String name, String holder, Instant until) {
        return new Lease(name, holder, "t", until);
    }

    private static List<String> works(int n) {
        return IntStream.range(0, n).mapToObj(i -> "source/s" + i).toList();
    }

    @Test
    void alone_a_replica_takes_every_work() {
        LeasePlan plan = LeasePlan.of("a", works(5), Map.of(), NOW);

        assertThat(plan.share("source")).isEqualTo(5);
        assertThat(plan.take()).containsExactlyInAnyOrderElementsOf(works(5));
        assertThat(plan.keep()).isEmpty();
        assertThat(plan.release()).isEmpty();
        assertThat(plan.members()).containsExactly("a");
    }

    @ParameterizedTest(name = "{0} works over {1} replicas: a share of {2}")
    @CsvSource({"1,3,1", "3,3,1", "4,3,2", "6,3,2", "7,3,3", "10,4,3", "2,5,1", "0,2,0"})
    void the_share_is_the_works_divided_by_the_live_replicas_rounded_up(int w, int m, int share) {
        List<Lease> members = new ArrayList<>();
        for (int i = 1; i < m; i++) {
            members.add(held(LeasePlan.MEMBER + "r" + i, "r" + i, LATER));
        }
        LeasePlan plan = LeasePlan.of("r0", works(w), leases(members.toArray(Lease[]::new)), NOW);

        assertThat(plan.share("source")).isEqualTo(share);
        assertThat(plan.members()).hasSize(m);
    }

    @Test
    void a_replica_whose_member_lease_expired_is_not_counted() {
        LeasePlan plan = LeasePlan.of("a", works(4), leases(held("member/b", "b", LATER),
                held("member/c", "c", EARLIER)), NOW);

        assertThat(plan.members()).containsExactly("a", "b");
        assertThat(plan.share("source")).isEqualTo(2);
    }

    @Test
    void works_held_by_a_live_replica_are_not_taken_and_expired_or_released_ones_are() {
        LeasePlan plan = LeasePlan.of("a", List.of("source/x", "source/y", "source/z"), leases(
                held("member/b", "b", LATER),
                held("source/x", "b", LATER),                  // b's
                held("source/y", "c", EARLIER),                // c stopped: expired
                new Lease("source/z", "", "", Instant.EPOCH)), // released
                NOW);

        assertThat(plan.share("source")).isEqualTo(2);
        assertThat(plan.take()).containsExactlyInAnyOrder("source/y", "source/z");
        assertThat(plan.take()).doesNotContain("source/x");
    }

    @Test
    void a_replica_renews_what_it_holds_up_to_its_share_and_releases_the_rest_when_another_joins() {
        Map<String, Lease> stored = new HashMap<>();
        for (String w : works(6)) {
            stored.put(w, held(w, "a", LATER));
        }
        stored.put("member/b", held("member/b", "b", LATER));

        LeasePlan plan = LeasePlan.of("a", works(6), stored, NOW);

        assertThat(plan.share("source")).isEqualTo(3);
        assertThat(plan.keep()).hasSize(3);
        assertThat(plan.release()).hasSize(3);
        assertThat(plan.take()).isEmpty();
        Set<String> both = new HashSet<>(plan.keep());
        both.addAll(plan.release());
        assertThat(both).containsExactlyInAnyOrderElementsOf(works(6));
    }

    @Test
    void a_replica_at_its_share_takes_nothing_more() {
        LeasePlan plan = LeasePlan.of("a", works(4), leases(held("member/b", "b", LATER),
                held("source/s0", "a", LATER), held("source/s1", "a", LATER)), NOW);

        assertThat(plan.keep()).containsExactlyInAnyOrder("source/s0", "source/s1");
        assertThat(plan.take()).isEmpty();
    }

    /** Rounds of three replicas over the same stored leases, each applying its plan as if its writes won. */
    @Test
    void rounds_of_three_replicas_settle_with_every_work_held_once_and_shares_even() {
        Map<String, Lease> stored = new HashMap<>();
        List<String> replicas = List.of("r1", "r2", "r3");
        List<String> all = works(8);
        for (int round = 0; round < 4; round++) {
            for (String r : replicas) {
                stored.put(LeasePlan.MEMBER + r, held(LeasePlan.MEMBER + r, r, LATER));
                LeasePlan plan = LeasePlan.of(r, all, stored, NOW);
                plan.release().forEach(w -> stored.put(w, new Lease(w, "", "", Instant.EPOCH)));
                plan.wanted().forEach(w -> stored.put(w, held(w, r, LATER)));
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String w : all) {
            Lease l = stored.get(w);
            assertThat(l.liveAt(NOW)).as(w).isTrue();
            counts.merge(l.holder(), 1, Integer::sum);
        }
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(2, 3));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
    }

    @Test
    void sources_and_jobs_are_shared_apart_so_sources_spread_evenly_whatever_the_jobs() {
        List<String> all = new ArrayList<>(works(6));
        all.addAll(List.of("job/digests", "job/triggers", "job/deliveries"));
        Map<String, Lease> stored = new HashMap<>();
        for (String w : works(3)) {
            stored.put(w, held(w, "b", LATER));
        }
        stored.put("member/b", held("member/b", "b", LATER));
        stored.put("member/c", held("member/c", "c", LATER));

        LeasePlan plan = LeasePlan.of("a", all, stored, NOW);

        assertThat(plan.share("source")).isEqualTo(2);
        assertThat(plan.share("job")).isEqualTo(1);
        assertThat(plan.take().stream().filter(w -> w.startsWith("source/"))).hasSize(2);
        assertThat(plan.take().stream().filter(w -> w.startsWith("job/"))).hasSize(1);
    }

    @Test
    void rendezvous_ranks_are_a_permutation_for_every_work() {
        List<String> members = List.of("r1", "r2", "r3", "r4");
        for (String w : works(20)) {
            assertThat(members.stream().map(m -> LeasePlan.rank(w, m, members)).toList())
                    .containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }
}
