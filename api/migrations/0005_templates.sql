-- Templates: saved invitation settings (recipient placeholders, message, timing, authentication) per sender.
-- `settings` is validated with ZTemplateSettingsSchema before it is written and again when it is read.
CREATE TABLE templates (
  id text PRIMARY KEY,
  -- the caller's e-mail (or `operator`), lower-cased: only the owner and admins see the template
  owner text NOT NULL,
  name text NOT NULL,
  description text,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (owner, name)
);
