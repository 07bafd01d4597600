import { z } from 'zod';
import { ZIsoDateTimeSchema } from '@signet/shared';
import { API_KEY_ROLES, API_KEY_SCOPES } from '../api-keys/api-key-vocabulary';

// Answers of the API key routes. They live here rather than in @signet/shared because the roles and scopes
// are the api's own vocabulary; type-checks.ts proves they match `ApiKeyView` and `CreatedApiKey`.

/** An API key as admins see it: never the secret or its hash. */
export const ZApiKeyViewSchema = z.strictObject({
  id: z.string(),
  prefix: z.string(),
  owner: z.string(),
  role: z.enum(API_KEY_ROLES),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  name: z.string(),
  createdAt: ZIsoDateTimeSchema,
  lastUsedAt: ZIsoDateTimeSchema.nullable(),
  revokedAt: ZIsoDateTimeSchema.nullable(),
});

/** The create answer: the view plus the whole key, shown this once. */
export const ZCreatedApiKeySchema = ZApiKeyViewSchema.extend({ token: z.string() });

export const ZApiKeyListSchema = z.strictObject({ items: z.array(ZApiKeyViewSchema) });
