-- params: source, hour, minutes, computed_at
INSERT INTO collection_coverage (source, hour, minutes, computed_at) VALUES (?, ?, ?, ?)
