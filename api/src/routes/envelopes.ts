import type { FastifyInstance } from 'fastify';
import { parseOrThrow, ZListEnvelopesQuerySchema } from '@signet/shared';
import { assertCreatesAsCaller } from '../auth/authorise-request';
import { callerOf } from '../auth/caller';
import type { ApiContext } from '../context';
import { parseEnvelopeRequest } from '../templates/parse-envelope-request';
import { createEnvelope } from '../use-cases/create-envelope';
import { getAuditTrail } from '../use-cases/get-audit-trail';
import { getAuditTrailPdf } from '../use-cases/get-audit-trail-pdf';
import { getEnvelope } from '../use-cases/get-envelope';
import { listEnvelopes } from '../use-cases/list-envelopes';
import { readEnvelopeUpload } from './read-upload';
import { envelopeIdParam } from './request-parts';

/** Sender routes for creating, listing and reading envelopes (mounted under `/api/v1`, token-protected). */
export function registerEnvelopeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/envelopes', async (request, reply) => {
    // With `templateId`, the template's settings fill what the body leaves out (templates/apply-template.ts).
    const envelope = await parseEnvelopeRequest(ctx, callerOf(request), request.body);
    return reply.status(201).send(await createEnvelope(ctx, { request: envelope, uploads: [] }));
  });

  app.post('/envelopes/upload', async (request, reply) => {
    const upload = await readEnvelopeUpload(request, ctx.config.maxUploadBytes);
    const envelope = await parseEnvelopeRequest(ctx, callerOf(request), upload.envelope);
    // Only now is the body read: the same owner check the JSON route gets in a hook, before anything is saved.
    assertCreatesAsCaller(request, envelope.sender.email);
    return reply.status(201).send(await createEnvelope(ctx, { request: envelope, uploads: upload.uploads }));
  });

  app.get('/envelopes', async (request) => listEnvelopes(ctx, parseOrThrow(ZListEnvelopesQuerySchema, request.query)));

  app.get('/envelopes/:id', async (request) => getEnvelope(ctx, envelopeIdParam(request)));

  app.get('/envelopes/:id/audit.json', async (request, reply) => {
    const envelopeId = envelopeIdParam(request);
    const json = await getAuditTrail(ctx, envelopeId);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${envelopeId}.json"`)
      .send(json);
  });

  app.get('/envelopes/:id/audit.pdf', async (request, reply) => {
    const envelopeId = envelopeIdParam(request);
    const pdf = await getAuditTrailPdf(ctx, envelopeId);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="audit-${envelopeId}.pdf"`)
      .send(Buffer.from(pdf));
  });
}
