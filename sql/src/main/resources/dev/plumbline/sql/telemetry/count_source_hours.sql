-- Whether a source has any hourly roll-up row (a demo writes its history only once).
-- params: source
SELECT count() AS hours FROM telemetry_hour WHERE source = ?
