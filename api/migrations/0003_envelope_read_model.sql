-- The envelope read model: one row per envelope, written by the API from the workflow's publications
-- (POST /internal/v1/envelope-events), so lists and searches need no Temporal call (docs/decisions/0016).
-- `revision` is the workflow's monotonic publication counter: an older or repeated publication changes nothing.
CREATE TABLE envelope_read_model (
  envelope_id text PRIMARY KEY,
  revision integer NOT NULL,
  sender_id text NOT NULL,
  -- normalised (lower-case): senders are confined to their own rows by it
  sender_email text NOT NULL,
  sender_name text NOT NULL,
  subject text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  ended_at timestamptz,
  expires_at timestamptz NOT NULL,
  -- when the pending envelope enters the deadline warning window ("expiring soon", "needs attention")
  warning_at timestamptz NOT NULL,
  next_reminder_at timestamptz,
  acted_count integer NOT NULL,
  required_count integer NOT NULL,
  -- [{id, name, email, role, status}] for the list answer
  recipients jsonb NOT NULL,
  document_names jsonb NOT NULL,
  -- lower-case subject, recipients' names and e-mails, document names: the text search looks here
  search_text text NOT NULL,
  signed_copy boolean NOT NULL,
  -- set when a webhook delivery for this envelope gave up
  delivery_failed boolean NOT NULL DEFAULT false
);

-- Keyset paging for each sort, with and without the sender confinement.
CREATE INDEX envelope_read_model_updated ON envelope_read_model (updated_at DESC, envelope_id DESC);
CREATE INDEX envelope_read_model_created ON envelope_read_model (created_at DESC, envelope_id DESC);
CREATE INDEX envelope_read_model_expires ON envelope_read_model (expires_at, envelope_id);
CREATE INDEX envelope_read_model_sender_updated ON envelope_read_model (sender_email, updated_at DESC, envelope_id DESC);
CREATE INDEX envelope_read_model_sender_created ON envelope_read_model (sender_email, created_at DESC, envelope_id DESC);
CREATE INDEX envelope_read_model_status_expires ON envelope_read_model (status, expires_at, envelope_id);
