-- Whether a source has any hourly roll-up row (a demo writes its history only once).
SELECT count() AS hours FROM telemetry_hour WHERE source = {source:String}
