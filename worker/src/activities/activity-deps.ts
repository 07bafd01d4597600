import type { DocumentLibrary, Logger } from '@signet/shared/node';
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
};

/** The clock of `deps`, or the wall clock. */
export function nowOf(deps: ActivityDeps): Date {
  return deps.clock ? deps.clock() : new Date();
}
