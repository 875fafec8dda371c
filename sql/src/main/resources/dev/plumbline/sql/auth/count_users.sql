-- How many users exist (disabled ones included).
SELECT count() AS users FROM users FINAL
