package dev.plumbline.sql.psr;

/**
 * What the time slices of a period say for one time-slice objective, as time_slices.sql counts them from the
 * telemetry. A slice is judged when it has requests (and, for latency, a histogram that can be merged).
 *
 * @param inPeriod       slices in the period (the last one shorter when the slice does not divide the period)
 * @param judged         slices with requests whose good share is known
 * @param good           judged slices whose good share reached the objective's slice target (Timeslices)
 * @param goodShareSum   the judged slices' good shares added up (RatioTimeslices averages them)
 * @param unjudgeable    slices with requests whose latency cannot be known (percentiles only, no or mixed histograms)
 * @param minutesMissing minutes with data that are only in the hourly roll-up, no longer (or never) kept per minute;
 *                       slices shorter than an hour cannot be judged without them
 */
public record TimeSliceCounts(long inPeriod, long judged, long good, double goodShareSum, long unjudgeable,
                              long minutesMissing) {
}
