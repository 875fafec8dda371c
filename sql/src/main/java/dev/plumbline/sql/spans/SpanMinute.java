package dev.plumbline.sql.spans;

import java.time.Instant;

/**
 * What a spans table holds for one service, customer and minute, as its schema's query sums it.
 *
 * @param service        '' for spans without a service name
 * @param customer       '' for spans without the customer attribute
 * @param requests       the request spans' sampling weights summed
 * @param errors         the weights of the failed ones
 * @param bucketWeights  the weights per latency bucket, one per stored bound (the last above every bound)
 * @param spans          request spans, unweighted
 * @param unknownStatus  spans whose status code is none of unset, ok, error (counted as requests, not as errors)
 * @param badWeight      spans whose sampling attribute could not be read (counted once each)
 * @param badHttpStatus  spans without a readable HTTP status, under the http-status error rule (not errors)
 */
public record SpanMinute(String service, String customer, Instant minute, double requests, double errors,
                         double[] bucketWeights, long spans, long unknownStatus, long badWeight, long badHttpStatus) {
}
