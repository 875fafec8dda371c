-- A source's watermark for a target.
SELECT watermark FROM collector_watermarks FINAL WHERE source = {source:String} AND target = {target:String}
