-- Recipient authentication beyond the link (docs/decisions/0014-recipient-authentication.md).

-- Sessions of recipients who proved themselves (one-time code, Microsoft or strong sign-in). The session
-- token is 256 random bits held only by the signing page (X-Signet-Session); the table keeps its SHA-256,
-- and the SHA-256 of the slot's link key, so a session is bound to one slot and a copy of the table
-- authenticates nobody.
CREATE TABLE recipient_sessions (
  token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  envelope_id text NOT NULL,
  recipient_id text NOT NULL,
  recipient_key_hash bytea NOT NULL CHECK (octet_length(recipient_key_hash) = 32),
  method text NOT NULL CHECK (method IN ('EMAIL_OTP', 'MICROSOFT', 'STRONG')),
  -- what the identity provider said (issuer, name, email, masked national id and its hash), or null
  identity jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX recipient_sessions_slot ON recipient_sessions (envelope_id, recipient_id);

-- One-time codes, one row per recipient slot. The code is kept only as HMAC-SHA256 under a per-code salt.
-- Wrong attempts and the lock are counted here, under a row lock, so parallel guesses cannot exceed the limit.
CREATE TABLE recipient_otps (
  envelope_id text NOT NULL,
  recipient_id text NOT NULL,
  code_hash bytea,
  code_salt bytea,
  code_expires_at timestamptz,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  window_started_at timestamptz,
  sends_in_window integer NOT NULL DEFAULT 0,
  last_sent_at timestamptz,
  PRIMARY KEY (envelope_id, recipient_id)
);

-- A recipient's sign-in under way (between the redirect to the identity provider and its callback). Keyed
-- by the SHA-256 of `state`, used once, valid for minutes. The link token to return to is encrypted under a
-- key derived from `state`, which only the browser and the identity provider's redirect carry.
CREATE TABLE recipient_oidc_logins (
  state_hash bytea PRIMARY KEY CHECK (octet_length(state_hash) = 32),
  provider text NOT NULL CHECK (provider IN ('MICROSOFT', 'STRONG')),
  sealed_link bytea NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  expires_at timestamptz NOT NULL
);
