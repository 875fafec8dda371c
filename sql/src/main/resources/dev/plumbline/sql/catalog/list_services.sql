-- A page of services, by name. params: limit, offset
SELECT name, display_name, description, owner_team, tier, effort_weeks
FROM services FINAL
WHERE is_deleted = 0
ORDER BY name
LIMIT ? OFFSET ?
