import { AppError, AppErrorCode } from '@signet/shared';
import type { DocumentLibrary, Logger } from '@signet/shared/node';
import type { InternalApiClient } from '../internal-api/internal-api-client';
import type { Mailer } from '../mail/mailer';
import type { PdfSealer } from '../sealer/pdf-sealer';

/** Everything the activities need, built once in `main.ts` (tests pass fakes). */
export type ActivityDeps = {
  library: DocumentLibrary;
  mailer: Mailer;
  /** Seals completed documents with the platform certificate (PAdES). */
  sealer: PdfSealer;
  /** HMAC secret of recipient link tokens (SIGNET_LINK_SECRET). */
  linkSecret: string;
  /** Base URL of the signing pages, e.g. `https://sign.example.com`. */
  publicUrl: string;
  /** Stamps status records; defaults to the wall clock. */
  clock?: () => Date;
  logger: Logger;
  /**
   * The API's `/internal/v1` routes (read model, webhooks, bulk sends live in the API's database). Absent when
   * SIGNET_INTERNAL_TOKEN is not set; activities that need it then fail with INVALID_CONFIG.
   */
  internalApi?: InternalApiClient;
};

/** The internal API client, or INVALID_CONFIG naming the variable that turns it on. */
export function requireInternalApi(deps: ActivityDeps): InternalApiClient {
  if (!deps.internalApi) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: 'SIGNET_INTERNAL_TOKEN is not set: the worker cannot reach the API internal routes',
    });
  }
  return deps.internalApi;
}

/** The clock of `deps`, or the wall clock. */
export function nowOf(deps: ActivityDeps): Date {
  return deps.clock ? deps.clock() : new Date();
}
