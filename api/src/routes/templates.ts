import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, ZTemplateRequestSchema } from '@signet/shared';
import { callerOf } from '../auth/caller';
import type { ApiContext } from '../context';
import { createTemplate } from '../templates/create-template';
import { deleteTemplate } from '../templates/delete-template';
import { getTemplate } from '../templates/get-template';
import { listTemplates } from '../templates/list-templates';
import { templateDepsOf } from '../templates/template-store';
import { updateTemplate } from '../templates/update-template';

function templateIdParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/**
 * Sender routes for templates (mounted under `/api/v1`). Each template belongs to the caller who saved it;
 * owners and admins reach it, anyone else gets TEMPLATE_NOT_FOUND (its existence is not revealed).
 */
export function registerTemplateRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/templates', async (request, reply) => {
    const body = parseOrThrow(ZTemplateRequestSchema, request.body ?? {});
    return reply.status(201).send(await createTemplate(templateDepsOf(ctx), callerOf(request), body));
  });

  app.get('/templates', async (request) => listTemplates(templateDepsOf(ctx), callerOf(request)));

  app.get('/templates/:id', async (request) =>
    getTemplate(templateDepsOf(ctx), callerOf(request), templateIdParam(request)),
  );

  app.put('/templates/:id', async (request) => {
    const body = parseOrThrow(ZTemplateRequestSchema, request.body ?? {});
    return updateTemplate(templateDepsOf(ctx), callerOf(request), templateIdParam(request), body);
  });

  app.delete('/templates/:id', async (request, reply) => {
    await deleteTemplate(templateDepsOf(ctx), callerOf(request), templateIdParam(request));
    return reply.status(204).send();
  });
}
