-- Test: the minutes of one hour a source is recorded as having collected.
SELECT minutes
FROM collection_coverage FINAL
WHERE source = {source:String} AND hour = {hour:DateTime('UTC')}
