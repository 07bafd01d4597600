import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TEnvelopeDocument } from '@signet/shared';
import { RecipientRole } from '@signet/shared';
import type { DocumentLibrary, Logger } from '@signet/shared/node';
import { createLocalLibrary } from '@signet/shared/node';
import type { EnvelopeBrief, SignatureLine } from '@signet/workflows';
import type { Logger as TemporalLogger } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import { AppError, AppErrorCode } from '@signet/shared';
import { PDFDocument } from 'pdf-lib';
import type { Mailer, MailMessage } from '../mail/mailer';

// Test-only helpers shared by the worker's unit tests. Each call builds fresh state: no shared fixtures.

export const LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';
export const PUBLIC_URL = 'https://sign.example.test';

/** A small valid PDF with `pages` blank pages. */
export async function makePdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([300, 400]);
  return Buffer.from(await doc.save());
}

export function makeBrief(overrides: Partial<EnvelopeBrief> = {}): EnvelopeBrief {
  return {
    envelopeId: 'env-0001',
    subject: 'Supply agreement 2025',
    message: 'Please sign by Friday.',
    sender: { email: 'alice@example.com', name: 'Alice Sender', timeZone: 'Europe/Helsinki' },
    documentNames: ['nda.pdf'],
    expiresAt: '2025-03-28T10:00:00.000Z',
    ...overrides,
  };
}

export function makeSignatures(): SignatureLine[] {
  return [
    {
      recipientId: 'r1',
      name: 'Bob Signer',
      email: 'bob@example.com',
      role: RecipientRole.SIGNER,
      action: 'SIGNED',
      at: '2025-03-14T09:30:00.000Z',
      authMethod: 'LINK',
      signatureText: 'Bob S.',
    },
    {
      recipientId: 'r2',
      name: 'Łukasz Zoë 张伟',
      email: 'lz@example.com',
      role: RecipientRole.APPROVER,
      action: 'APPROVED',
      at: '2025-03-14T10:00:00.000Z',
      authMethod: 'LINK',
      onBehalfOf: 'Contoso Oy',
    },
  ];
}

export function makeDocument(overrides: Partial<TEnvelopeDocument> = {}): TEnvelopeDocument {
  return {
    documentId: 'doc-0001',
    name: 'nda.pdf',
    ref: { library: 'local', path: 'contracts/nda.pdf' },
    ...overrides,
  };
}

/** A Mailer that records what it was asked to send, or fails with `failWith`. */
export function createFakeMailer(failWith?: Error): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: async (message) => {
      if (failWith !== undefined) throw failWith;
      sent.push(message);
    },
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** For `new MockActivityEnvironment(undefined, { logger })`: expected failures should not flood the test output. */
export const quietTemporalLogger: TemporalLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A local library in a fresh temp folder holding `contracts/nda.pdf`; `cleanup()` removes it. */
export async function createTempLibrary(
  original?: Buffer,
): Promise<{ library: DocumentLibrary; root: string; cleanup(): Promise<void> }> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signet-worker-'));
  const root = path.join(tmp, 'library');
  await fs.mkdir(path.join(root, 'contracts'), { recursive: true });
  await fs.writeFile(path.join(root, 'contracts', 'nda.pdf'), original ?? (await makePdf()));
  return {
    library: createLocalLibrary({ id: 'local-test', root }),
    root,
    cleanup: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}

export type TempLibrary = Awaited<ReturnType<typeof createTempLibrary>>;

/** Registers hooks giving every test its own temp library; read `.current` inside a test. */
export function useTempLibrary(): { current: TempLibrary } {
  const holder = {} as { current: TempLibrary };
  beforeEach(async () => {
    holder.current = await createTempLibrary();
  });
  afterEach(async () => {
    await holder.current.cleanup();
  });
  return holder;
}

/** The ApplicationFailure an activity rejected with; fails the test if it resolved or threw something else. */
export async function activityFailureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApplicationFailure))
    throw new AppError(AppErrorCode.INTERNAL, { message: `expected ApplicationFailure, got ${String(error)}` });
  return error;
}
