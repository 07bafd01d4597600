import type { z } from 'zod';
import type {
  ErrorBody,
  TLegalHoldResponse,
  TLibraryList,
  TRecipientEnvelopeView,
  TVerifyReport,
  ZErrorBodySchema,
} from '@signet/shared';
import type { LibraryEntry, VerifyReport } from '@signet/shared/node';
import type { ApiKeyView } from '../api-keys/api-key-store';
import type { CreatedApiKey } from '../api-keys/create-api-key';
import type { LegalHoldResult } from '../use-cases/set-legal-hold';
import type { RecipientEnvelopeView } from '../views/recipient-view';
import type { ZApiKeyViewSchema, ZCreatedApiKeySchema } from './api-key-schemas';

// Compile-time proof that the schemas the OpenAPI document is generated from describe what the code really
// returns, for answers whose types are declared outside the schemas. A field added to one side and not the
// other fails `tsc -b`. (Mutual assignability: optional-vs-undefined differences do not matter on the wire.)

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type OpenApiTypeChecks = [
  Assert<Same<z.infer<typeof ZErrorBodySchema>, ErrorBody>>,
  Assert<Same<TLegalHoldResponse, LegalHoldResult>>,
  Assert<Same<TLibraryList, { items: LibraryEntry[] }>>,
  Assert<Same<TVerifyReport, VerifyReport>>,
  Assert<Same<TRecipientEnvelopeView, RecipientEnvelopeView>>,
  Assert<Same<z.infer<typeof ZApiKeyViewSchema>, ApiKeyView>>,
  Assert<Same<z.infer<typeof ZCreatedApiKeySchema>, CreatedApiKey>>,
];
