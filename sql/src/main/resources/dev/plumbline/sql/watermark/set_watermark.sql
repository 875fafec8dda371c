-- A source's watermark for a target (a new version replaces the one before).
INSERT INTO collector_watermarks (source, target, watermark, updated_at)
