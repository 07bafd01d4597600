import type { TCreateEnvelopeRequest } from '@signet/shared';
import { parseOrThrow, ZCreateEnvelopeFromTemplateRequestSchema, ZCreateEnvelopeRequestSchema } from '@signet/shared';
import type { Caller } from '../auth/caller';
import type { ApiContext } from '../context';
import { applyTemplate } from './apply-template';
import { templateDepsOf, findVisibleTemplate, toTemplate } from './template-store';

/** True for a body that references a template (`templateId`); those are parsed with the template schema. */
export function isTemplateRequest(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'templateId' in body;
}

/**
 * The create-envelope request in a body: as it is, or — with `templateId` — merged from a template the
 * caller may see (TEMPLATE_NOT_FOUND otherwise) and then checked like any other request.
 */
export async function parseEnvelopeRequest(
  ctx: ApiContext,
  caller: Caller,
  body: unknown,
): Promise<TCreateEnvelopeRequest> {
  if (!isTemplateRequest(body)) return parseOrThrow(ZCreateEnvelopeRequestSchema, body);
  const request = parseOrThrow(ZCreateEnvelopeFromTemplateRequestSchema, body);
  const template = toTemplate(await findVisibleTemplate(templateDepsOf(ctx).db, caller, request.templateId));
  return parseOrThrow(ZCreateEnvelopeRequestSchema, applyTemplate(template.settings, request));
}
