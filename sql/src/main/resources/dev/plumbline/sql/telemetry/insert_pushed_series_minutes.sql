-- Pushed series' minutes (a row written again replaces the one before: the latest sample wins).
INSERT INTO pushed_series_minute (source, minute, service, customer, series, kind, le, increase, last_ms, last_value,
                                  written_at)
