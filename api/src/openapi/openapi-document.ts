import { createDocument } from 'zod-openapi';
import {
  ZEnvelopeViewSchema,
  ZErrorBodySchema,
  ZRecipientEnvelopeViewSchema,
  ZCreateEnvelopeRequestSchema,
} from '@signet/shared';
import { ADMIN_PATHS } from './admin-paths';
import { BULK_SEND_PATHS } from './bulk-send-paths';
import { ENVELOPE_ACTION_PATHS } from './envelope-action-paths';
import { ENVELOPE_PATHS } from './envelope-paths';
import { SESSION_COOKIE } from '../sender-session/session-cookie';
import { BEARER, WEB_SESSION } from './operation-parts';
import { RECIPIENT_PATHS } from './recipient-paths';
import { TEMPLATE_PATHS } from './template-paths';
import { WEBHOOK_PATHS } from './webhook-paths';

/** Bumped with the HTTP API, not with the package: `/api/v1` is the wire version. */
const API_VERSION = '1.0.0';

/** The generated document (zod-openapi's type: plain JSON, safe to serialise). */
export type OpenApiDocument = ReturnType<typeof createDocument>;

let cached: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the routes validate with and the
 * answers are typed by (each route is described once, in the `*-paths.ts` tables). Built once, then reused:
 * it depends on nothing at run time.
 */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Signet API',
      version: API_VERSION,
      description:
        'E-signature envelopes. Sender routes take `Authorization: Bearer <operator token, API key or Entra ID access token>` ' +
        '(or, from the web UI, its session cookie with an `X-CSRF-Token` on unsafe methods); recipient routes are ' +
        'authenticated by the link token in their path, plus `X-Signet-Session: <session>` when the sender asked the ' +
        'recipient to prove who they are (a one-time code, Microsoft or strong sign-in). Every error is ' +
        '`{ error: { code, message, details? } }` with a code from the catalogue.',
    },
    components: {
      securitySchemes: {
        [BEARER]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The operator token (SIGNET_API_TOKEN), an API key `signet_<prefix>_<secret>`, or an Entra ID access token (JWT).',
        },
        [WEB_SESSION]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The sender web UI session after OpenID Connect sign-in at `/app/login`. POST, PUT, PATCH and DELETE also need ' +
            '`X-CSRF-Token` (from `GET /app/session`) and an `Origin` equal to the public URL, else 403 CSRF_REJECTED.',
        },
      },
      // Named components for the schemas many operations share, so the document stays readable.
      schemas: {
        CreateEnvelopeRequest: ZCreateEnvelopeRequestSchema,
        EnvelopeView: ZEnvelopeViewSchema,
        RecipientEnvelopeView: ZRecipientEnvelopeViewSchema,
        ErrorBody: ZErrorBodySchema,
      },
    },
    paths: {
      ...ENVELOPE_PATHS,
      ...ENVELOPE_ACTION_PATHS,
      ...RECIPIENT_PATHS,
      ...ADMIN_PATHS,
      ...WEBHOOK_PATHS,
      ...TEMPLATE_PATHS,
      ...BULK_SEND_PATHS,
    },
  });
  return cached;
}
