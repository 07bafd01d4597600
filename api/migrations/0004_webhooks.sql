-- Webhook subscriptions, deliveries and their attempts (docs/decisions/0016).
-- The signing secret must be usable for signing, so it is stored — encrypted (AES-256-GCM, key derived from
-- SIGNET_LINK_SECRET), never in clear and never shown again after creation or rotation.
CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  -- normalised e-mail (or subject) of the caller who created it; senders see only their own
  owner text NOT NULL,
  -- admins' subscriptions receive every envelope's events, senders' only their own envelopes'
  all_envelopes boolean NOT NULL,
  url text NOT NULL,
  events text[] NOT NULL,
  description text,
  secret_sealed bytea NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner, created_at DESC);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES webhook_subscriptions (id),
  event_id text NOT NULL,
  event_type text NOT NULL,
  envelope_id text,
  -- the exact JSON body sent (and signed) on every attempt
  body text NOT NULL,
  state text NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  -- one delivery per event and subscription, however often the event is published
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
  delivery_id text NOT NULL REFERENCES webhook_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  status_code integer,
  duration_ms integer NOT NULL,
  error text,
  -- at most 1 KB of the receiver's answer
  response_excerpt text,
  PRIMARY KEY (delivery_id, attempt)
);
