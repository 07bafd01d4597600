-- Sender web UI sessions (docs/decisions/0017-sender-web-ui.md). The session id is a 256-bit random value
-- held only by the browser's cookie; the table keeps its SHA-256, so a copy of the table signs nobody in.
CREATE TABLE sender_sessions (
  id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
  -- the signed-in sender's lower-cased e-mail: what envelopes record as their sender
  subject text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('sender', 'admin')),
  -- Entra object id and tenant, when the identity provider gave them
  oid text,
  tid text,
  -- per-session anti-CSRF token the page echoes in X-CSRF-Token
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- idle expiry moves with use; the absolute one never does
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL
);

CREATE INDEX sender_sessions_subject ON sender_sessions (subject);

-- A sign-in under way: between the redirect to the identity provider and its callback. Keyed by the hash of
-- `state`, used once (deleted by the callback), valid for minutes.
CREATE TABLE sender_logins (
  state_hash bytea PRIMARY KEY CHECK (octet_length(state_hash) = 32),
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);
