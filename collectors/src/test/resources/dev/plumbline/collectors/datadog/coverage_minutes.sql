-- Test: the minutes of one hour a source is recorded as having collected.
-- params: source, hour
SELECT minutes
FROM collection_coverage FINAL
WHERE source = ? AND hour = ?
