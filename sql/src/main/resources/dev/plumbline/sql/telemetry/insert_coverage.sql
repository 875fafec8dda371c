-- Minutes a source collected in an hour (a new version replaces the one before).
INSERT INTO collection_coverage (source, hour, minutes, computed_at)
