-- A page of services, by name.
SELECT name, display_name, description, owner_team, tier, effort_weeks, runbook_url
FROM services FINAL
WHERE is_deleted = 0
ORDER BY name
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
