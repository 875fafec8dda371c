package dev.plumbline.collectors.telemetry;

import java.time.Instant;

/**
 * Where a collection or backfill stands.
 *
 * @param from         start of the requested range
 * @param to           end of the requested range (exclusive)
 * @param doneUpTo     everything before this is stored
 * @param chunksDone   chunks stored so far
 * @param chunksTotal  chunks in the range
 * @param queries      PromQL queries sent so far
 * @param rows         minute rows written so far
 */
public record Progress(String source, Instant from, Instant to, Instant doneUpTo, int chunksDone, int chunksTotal,
                       long queries, long rows) {

    /** 0-1. */
    public double fraction() {
        return chunksTotal == 0 ? 1 : (double) chunksDone / chunksTotal;
    }
}
