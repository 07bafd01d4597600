import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ZIdSchema, ZTemplateListSchema, ZTemplateRequestSchema, ZTemplateSchema } from '@signet/shared';
import { json, senderOperation } from './operation-parts';

const ZTemplateIdPathSchema = z.object({ id: ZIdSchema.meta({ description: 'The template id.' }) });

const WRITE_ERRORS = [
  'TEMPLATE_NAME_TAKEN',
  'INVALID_EMAIL',
  'NO_ACTING_RECIPIENT',
  'INVALID_DURATION',
  'DATABASE_UNAVAILABLE',
] as const;

/**
 * `/api/v1/templates…` (routes/templates.ts): saved invitation settings. Owners and admins reach a
 * template; for anyone else it is TEMPLATE_NOT_FOUND. `POST /envelopes` with `templateId` uses one.
 */
export const TEMPLATE_PATHS: ZodOpenApiPathsObject = {
  '/api/v1/templates': {
    post: senderOperation({
      operationId: 'createTemplate',
      tags: ['templates'],
      summary: 'Save a template: recipient placeholders (role, order, authentication), message, timing.',
      requestBody: { required: true, content: json(ZTemplateRequestSchema) },
      ok: { '201': { description: 'Saved.', content: json(ZTemplateSchema) } },
      errors: [...WRITE_ERRORS],
    }),
    get: senderOperation({
      operationId: 'listTemplates',
      tags: ['templates'],
      summary: "The caller's templates by name (admins: everyone's).",
      ok: { '200': { description: 'The templates.', content: json(ZTemplateListSchema) } },
      errors: ['DATABASE_UNAVAILABLE'],
    }),
  },
  '/api/v1/templates/{id}': {
    get: senderOperation({
      operationId: 'getTemplate',
      tags: ['templates'],
      summary: 'One template.',
      requestParams: { path: ZTemplateIdPathSchema },
      ok: { '200': { description: 'The template.', content: json(ZTemplateSchema) } },
      errors: ['TEMPLATE_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
    put: senderOperation({
      operationId: 'updateTemplate',
      tags: ['templates'],
      summary: "Replace a template's name, description and settings.",
      requestParams: { path: ZTemplateIdPathSchema },
      requestBody: { required: true, content: json(ZTemplateRequestSchema) },
      ok: { '200': { description: 'The template as saved.', content: json(ZTemplateSchema) } },
      errors: ['TEMPLATE_NOT_FOUND', ...WRITE_ERRORS],
    }),
    delete: senderOperation({
      operationId: 'deleteTemplate',
      tags: ['templates'],
      summary: 'Delete a template (envelopes made from it are not affected).',
      requestParams: { path: ZTemplateIdPathSchema },
      ok: { '204': { description: 'Deleted.' } },
      errors: ['TEMPLATE_NOT_FOUND', 'DATABASE_UNAVAILABLE'],
    }),
  },
};
