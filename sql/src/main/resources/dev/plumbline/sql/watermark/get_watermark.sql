-- params: source, target
SELECT watermark FROM collector_watermarks FINAL WHERE source = ? AND target = ?
