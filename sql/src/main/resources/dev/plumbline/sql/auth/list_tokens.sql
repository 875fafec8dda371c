-- Every token, newest first.
SELECT id, name, role, secret_hash, created_by, created_at, revoked_at
FROM api_tokens FINAL
ORDER BY created_at DESC, id
