import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@signet/shared/node';
import { AppError, AppErrorCode, toErrorBody } from '@signet/shared';
import { fromTemporalError } from './temporal-errors';

type MaybeFastifyError = Partial<Pick<FastifyError, 'code' | 'statusCode' | 'validation'>> & Error;

/** Errors raised by fastify and @fastify/multipart (body parsing, limits), which carry an HTTP status. */
function fromFrameworkError(error: MaybeFastifyError): AppError | undefined {
  // One file over config.maxUploadBytes; read-upload.ts normally catches it first with the file's name.
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(AppErrorCode.DOCUMENT_TOO_LARGE, { cause: error });
  // Body over bodyLimit, too many files, parts or fields.
  if (error.statusCode === 413) return new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, { cause: error });
  const isClientError = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
  if (error.validation || isClientError) {
    return new AppError(AppErrorCode.VALIDATION_FAILED, { message: error.message, cause: error });
  }
  return undefined;
}

/** Turns anything thrown while handling a request into a catalogue error; unknown faults become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const mapped = fromTemporalError(error) ?? (error instanceof Error ? fromFrameworkError(error) : undefined);
  return mapped ?? new AppError(AppErrorCode.INTERNAL, { cause: error });
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own}\ncaused by: ${describeError(error.cause)}`;
}

/**
 * Installs the one error handler: every error response is `toErrorBody(err)` with the catalogue's status.
 * Faults without a specific code are logged in full and answered with INTERNAL's generic message only.
 */
export function installErrorHandler(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    // The route pattern, never the raw URL: recipient URLs carry link tokens.
    const where = { method: request.method, route: request.routeOptions.url, code: appError.code };
    if (appError.code === AppErrorCode.WEBHOOK_DELIVERY_FAILED) {
      // A subscriber that is down is the subscriber's trouble, expected and retried: a line, not a stack.
      logger.warn('request failed', { ...where, message: appError.message });
    } else if (appError.statusCode >= 500) {
      logger.error('request failed', { ...where, error: describeError(error) });
    }
    // INTERNAL never carries its developer message to the client.
    const body = appError.code === AppErrorCode.INTERNAL ? toErrorBody(null) : toErrorBody(appError);
    return reply.status(appError.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // The catalogue has no code for an unknown route; VALIDATION_FAILED with 404 says "wrong URL".
    const error = new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    });
    return reply.status(404).send(toErrorBody(error));
  });
}
