package dev.plumbline.collectors.datadog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The part of Datadog's API Plumbline uses: POST /api/v2/query/timeseries, one metrics query. */
public interface DatadogApi {

    List<DatadogSeries> timeseries(String query, Instant from, Instant to, Duration interval);
}
