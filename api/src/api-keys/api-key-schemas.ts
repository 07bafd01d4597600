import { z } from 'zod';
import { API_KEY_ROLES, API_KEY_SCOPES, ApiKeyRole } from './api-key-vocabulary';

/** `POST /api/v1/api-keys` body. Scopes default to everything the role allows. */
export const ZCreateApiKeyRequestSchema = z.strictObject({
  /** The sender e-mail the key acts as (admins: whose actions the audit trail records). */
  owner: z.string().trim().max(254),
  role: z.enum(API_KEY_ROLES).default(ApiKeyRole.SENDER),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length).optional(),
  /** What the key is for, e.g. "CRM integration". */
  name: z.string().trim().min(1).max(100),
});
export type TCreateApiKeyRequest = z.infer<typeof ZCreateApiKeyRequestSchema>;
