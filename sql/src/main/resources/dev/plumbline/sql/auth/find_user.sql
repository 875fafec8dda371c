-- One user by name.
SELECT username, display_name, roles, password_hash, disabled, created_at
FROM users FINAL
WHERE username = {username:String}
