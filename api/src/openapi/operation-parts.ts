import type { ZodType } from 'zod';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import type { AppErrorCode } from '@signet/shared';
import { ERROR_CATALOGUE, ZErrorBodySchema, ZIdSchema } from '@signet/shared';

// Building blocks the path tables share, so each route's entry says only what is particular to it.

/** The name of the bearer security scheme (operator token, API key or Entra ID access token) in `components.securitySchemes`. */
export const BEARER = 'bearer';
/** The sender web UI's session cookie (unsafe methods also need `X-CSRF-Token` and a same-origin `Origin`). */
export const WEB_SESSION = 'webSession';

/** Faults any route can answer with; the catalogue gives each its status. */
const ALWAYS: AppErrorCode[] = ['VALIDATION_FAILED', 'INTERNAL'];
/** What every sender route can add: no or a bad credential, a credential without the route or envelope. */
const SENDER_ERRORS: AppErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN'];

export function json(schema: ZodType): { 'application/json': { schema: ZodType } } {
  return { 'application/json': { schema } };
}

/** A file in a multipart body or a binary answer (OpenAPI 3.1: a string with `contentMediaType`). */
export function binary(mediaType: string): ZodType {
  return z.string().meta({ override: { type: 'string', contentMediaType: mediaType } });
}

/**
 * The error answers of an operation, grouped by the catalogue's HTTP status (`ERROR_CATALOGUE`), each
 * describing which codes it carries. The body is always `ZErrorBodySchema`.
 */
export function errorResponses(codes: AppErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, Set<AppErrorCode>>();
  for (const code of [...ALWAYS, ...codes]) {
    const status = ERROR_CATALOGUE[code].statusCode;
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const entries = [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, set]) => [
      String(status),
      { description: `Error: ${[...set].join(', ')}`, content: json(ZErrorBodySchema) },
    ]);
  return Object.fromEntries(entries) as ZodOpenApiResponsesObject;
}

export type OperationSpec = Omit<ZodOpenApiOperationObject, 'responses'> & {
  /** The success answers (status → response). */
  ok: ZodOpenApiResponsesObject;
  /** Catalogue codes this operation answers with besides the ones every route has. */
  errors?: AppErrorCode[];
};

/** A sender operation: bearer-authenticated (operator token, API key or Entra ID access token), may be refused by policy. */
export function senderOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const { ok, errors = [], ...rest } = spec;
  return {
    ...rest,
    security: [{ [BEARER]: [] }, { [WEB_SESSION]: [] }],
    responses: { ...ok, ...errorResponses([...SENDER_ERRORS, ...errors]) },
  };
}

/** A public operation: no bearer (recipient routes carry the link token in the path instead). */
export function publicOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const { ok, errors = [], ...rest } = spec;
  return { ...rest, security: [], responses: { ...ok, ...errorResponses(errors) } };
}

/** `:id` of `/envelopes/:id…` (an id that cannot exist is ENVELOPE_NOT_FOUND, not a schema error). */
export const ZEnvelopeIdPathSchema = z.object({ id: ZIdSchema.meta({ description: 'The envelope id.' }) });

/** Who acts, with the operator token; an API key always acts as its owner. */
export const ZActorHeadersSchema = z.object({
  'x-signet-actor-email': z
    .string()
    .max(254)
    .optional()
    .meta({ description: 'Operator token only: the person acting (recorded in the audit trail).' }),
  'x-signet-actor-name': z.string().max(200).optional().meta({ description: 'Operator token only: their name.' }),
});
