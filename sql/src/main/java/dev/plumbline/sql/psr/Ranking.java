package dev.plumbline.sql.psr;

import java.util.List;

/** One page of a ranking, and how many rows the whole ranking has. */
public record Ranking<T>(long total, int offset, int limit, List<T> rows) {

    public Ranking {
        rows = List.copyOf(rows);
    }
}
