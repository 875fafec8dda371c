-- params: name, display_name, description, owner_team, tier, effort_weeks, updated_at
INSERT INTO services (name, display_name, description, owner_team, tier, effort_weeks, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
