-- params: name, display_name, description, owner_team, tier, effort_weeks, updated_at, is_deleted
INSERT INTO services (name, display_name, description, owner_team, tier, effort_weeks, updated_at, is_deleted)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
