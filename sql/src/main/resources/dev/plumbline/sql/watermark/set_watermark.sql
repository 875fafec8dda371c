-- params: source, target, watermark, updated_at
INSERT INTO collector_watermarks (source, target, watermark, updated_at) VALUES (?, ?, ?, ?)
