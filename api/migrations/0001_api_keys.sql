-- API keys: callers other than the operator token. The secret is never stored, only its SHA-256
-- (docs/decisions/0011-database.md); `prefix` is the public part of the key, used to find the row.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  prefix text NOT NULL UNIQUE,
  -- sender e-mail (or subject) the key acts as: sender keys see only this sender's envelopes
  owner text NOT NULL,
  role text NOT NULL CHECK (role IN ('sender', 'admin')),
  scopes text[] NOT NULL,
  name text NOT NULL,
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX api_keys_owner ON api_keys (owner);
