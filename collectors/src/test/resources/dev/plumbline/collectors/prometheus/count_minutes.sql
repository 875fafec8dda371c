-- Test: how many minute rows a source stored.
SELECT count() AS minutes FROM telemetry_minute FINAL WHERE source = {source:String}
