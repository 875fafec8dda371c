-- Where on-call finds what to do when a service's alerts fire (OpenSLO Service annotation plumbline.dev/runbook-url):
-- exported alert rules carry it as runbook_url. Empty when the catalog gives none; rows written before have none.
ALTER TABLE services {{ON_CLUSTER}}
    ADD COLUMN IF NOT EXISTS runbook_url String DEFAULT '' AFTER effort_weeks
