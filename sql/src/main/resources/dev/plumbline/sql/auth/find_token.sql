-- One token by its public id.
SELECT id, name, role, secret_hash, created_by, created_at, revoked_at
FROM api_tokens FINAL
WHERE id = {id:String}
