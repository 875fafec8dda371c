-- Test: how many minute rows a source stored.
-- params: source
SELECT count() FROM telemetry_minute FINAL WHERE source = ?
