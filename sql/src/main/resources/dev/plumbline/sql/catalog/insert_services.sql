-- Services (new versions replace older ones; is_deleted = 1 deletes).
INSERT INTO services (name, display_name, description, owner_team, tier, effort_weeks, runbook_url, updated_at, is_deleted)
