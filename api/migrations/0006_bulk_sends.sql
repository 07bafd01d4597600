-- Bulk sends: one envelope per CSV row. The rows are validated before anything is written; each row keeps the
-- envelope request it will be sent with, so the workflow's batches need nothing but the bulk id and a range.
CREATE TABLE bulk_sends (
  id text PRIMARY KEY,
  owner text NOT NULL,
  -- the bulk request as sent (subject and message with their merge fields), for the record
  settings jsonb NOT NULL,
  total integer NOT NULL CHECK (total > 0),
  created_at timestamptz NOT NULL
);

CREATE INDEX bulk_sends_owner ON bulk_sends (owner, created_at);

CREATE TABLE bulk_send_rows (
  bulk_id text NOT NULL REFERENCES bulk_sends (id) ON DELETE CASCADE,
  -- 0-based position among the data rows (what batches address)
  position integer NOT NULL,
  -- the row's line number in the file as a spreadsheet shows it (header = 1)
  row_number integer NOT NULL,
  email text NOT NULL,
  -- the envelope request with merge fields applied; documents are copied per row when it is started
  request jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'STARTED', 'FAILED')),
  envelope_id text,
  error_code text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (bulk_id, position)
);
