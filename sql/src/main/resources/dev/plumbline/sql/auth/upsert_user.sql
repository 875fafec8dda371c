-- params: username, display_name, roles (array), password_hash, disabled, created_at, updated_at
INSERT INTO users (username, display_name, roles, password_hash, disabled, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
