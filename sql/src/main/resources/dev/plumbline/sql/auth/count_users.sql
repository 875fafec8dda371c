-- How many users exist (disabled ones included).
SELECT count() FROM users FINAL
