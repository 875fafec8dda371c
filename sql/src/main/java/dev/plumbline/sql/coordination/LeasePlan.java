package dev.plumbline.sql.coordination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one replica does with the work leases in one round, from what is stored: a pure function.
 *
 * <p>The rule, for each kind of work apart (sources {@code source/...}, singleton jobs {@code job/...}: the part of a
 * name before its first '/'), so that sources spread evenly whatever the jobs: with {@code W} works of a kind and
 * {@code M} live replicas (those holding a live {@code member/} lease, and this one), each replica holds at most
 * {@code ceil(W / M)} of them, its <em>share</em>. It keeps the works it holds up to
 * its share (renews them) and releases the rest at once, so a replica that joins finds works free; it takes free works
 * (never held, released, or expired) until it has its share. Works are preferred in rendezvous order (the replica that
 * ranks highest for a work by a hash of both names tries it first), so replicas rarely reach for the same free work.
 * When all replicas hold their share, every work is held: {@code M * ceil(W / M) >= W}.
 *
 * @param shares  per kind of work, at most this many works of it per replica
 * @param keep    works this replica holds and renews
 * @param take    free works this replica tries to take
 * @param release works this replica holds beyond its share and gives up
 * @param members the live replicas counted, this one among them
 */
public record LeasePlan(Map<String, Integer> shares, List<String> keep, List<String> take, List<String> release,
                        List<String> members) {

    /** The prefix of the lease every live replica holds for itself. */
    public static final String MEMBER = "member/";

    public static LeasePlan of(String me, Collection<String> works, Map<String, Lease> leases, Instant now) {
        TreeSet<String> members = new TreeSet<>();
        members.add(me);
        for (Lease l : leases.values()) {
            if (l.name().startsWith(MEMBER) && l.liveAt(now)) {
                members.add(l.holder());
            }
        }
        Map<String, List<String>> byKind = new java.util.TreeMap<>();
        for (String w : new TreeSet<>(works)) {
            byKind.computeIfAbsent(kind(w), k -> new ArrayList<>()).add(w);
        }
        Map<String, Integer> shares = new java.util.TreeMap<>();
        List<String> keep = new ArrayList<>();
        List<String> take = new ArrayList<>();
        List<String> release = new ArrayList<>();
        Comparator<String> preference = Comparator.<String>comparingInt(w -> rank(w, me, members))
                .thenComparing(Comparator.naturalOrder());
        for (var kind : byKind.entrySet()) {
            List<String> all = kind.getValue();
            int share = (all.size() + members.size() - 1) / members.size();
            shares.put(kind.getKey(), share);
            List<String> mine = all.stream().filter(w -> heldBy(leases.get(w), me, now)).sorted(preference).toList();
            List<String> kept = mine.subList(0, Math.min(share, mine.size()));
            keep.addAll(kept);
            release.addAll(mine.subList(kept.size(), mine.size()));
            List<String> free = all.stream().filter(w -> leases.get(w) == null || leases.get(w).freeAt(now))
                    .sorted(preference).toList();
            take.addAll(free.subList(0, Math.min(free.size(), share - kept.size())));
        }
        return new LeasePlan(Map.copyOf(shares), List.copyOf(keep), List.copyOf(take), List.copyOf(release),
                List.copyOf(members));
    }

    /** The kind of a work: its name up to the first '/' ({@code source}, {@code job}). */
    static String kind(String work) {
        int slash = work.indexOf('/');
        return slash < 0 ? work : work.substring(0, slash);
    }

    /** At most this many works of {@code kind} per replica (0 when there is none of that kind). */
    public int share(String kind) {
        return shares.getOrDefault(kind, 0);
    }

    private static boolean heldBy(Lease lease, String me, Instant now) {
        return lease != null && lease.liveAt(now) && lease.holder().equals(me);
    }

    /** 0 when {@code me} ranks first among {@code members} for {@code work}, 1 when second, and so on. */
    static int rank(String work, String me, Collection<String> members) {
        long mine = score(work, me);
        int rank = 0;
        for (String m : members) {
            long other = score(work, m);
            if (!m.equals(me) && (other > mine || other == mine && m.compareTo(me) < 0)) {
                rank++;
            }
        }
        return rank;
    }

    /** A well-mixed 64-bit hash of both names (SplitMix64's finalizer over String.hashCode, stable across JVMs). */
    static long score(String work, String member) {
        long z = ((long) work.hashCode() << 32) ^ (member.hashCode() & 0xffffffffL);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Every work this replica will hold if its writes win: kept and taken. */
    public List<String> wanted() {
        List<String> out = new ArrayList<>(keep);
        out.addAll(take);
        return out;
    }
}
