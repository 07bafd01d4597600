import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AppError, AppErrorCode, EnvelopeStatus } from '@signet/shared';
import type { DocumentLibrary } from '@signet/shared/node';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { SealDocumentResult, StoreSignedCopyResult, UpdateDocumentStatusInput } from '@signet/workflows';
import { PDFDocument } from 'pdf-lib';
import {
  createFakeMailer,
  useTempLibrary,
  LINK_SECRET,
  makeDocument,
  makeSignatures,
  PUBLIC_URL,
  quietTemporalLogger,
  silentLogger,
  activityFailureOf,
} from '../testing/fixtures';
import { verifyPdf } from '@signet/shared/node';
import { createTestSealer } from '../testing/test-sealer';
import { createActivities } from './create-activities';

const tempLibrary = useTempLibrary(); // holds contracts/nda.pdf, a 2-page PDF

const clock = () => new Date('2035-01-01T00:00:00.000Z');
const newEnvironment = () => new MockActivityEnvironment(undefined, { logger: quietTemporalLogger });
const activitiesFor = (library: DocumentLibrary) =>
  createActivities({
    library,
    mailer: createFakeMailer(),
    sealer: createTestSealer(),
    linkSecret: LINK_SECRET,
    publicUrl: PUBLIC_URL,
    logger: silentLogger,
    clock,
  });
const sealInput = {
  envelopeId: 'env-0001',
  subject: 'Supply agreement',
  document: makeDocument(),
  signatures: makeSignatures(),
  completedAt: '2025-03-14T10:05:00.000Z',
};

describe('sealDocument and storeSignedCopy', () => {
  it('stages a sealed copy (original as a byte prefix, evidence pages, PAdES seal), stores it beside the original and leaves the original unchanged', async () => {
    const activities = activitiesFor(tempLibrary.current.library);
    const original = await fs.readFile(path.join(tempLibrary.current.root, 'contracts', 'nda.pdf'));
    const sealed: SealDocumentResult = await newEnvironment().run(activities.sealDocument, sealInput);

    expect(sealed.originalSha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect((await tempLibrary.current.library.list()).map((e) => e.path)).toEqual(['contracts/nda.pdf']); // staged copy is invisible

    const stored: StoreSignedCopyResult = await newEnvironment().run(activities.storeSignedCopy, {
      envelopeId: 'env-0001',
      document: makeDocument(),
      stagedKey: sealed.stagedKey,
    });
    expect(stored).toEqual({ signedCopyRef: { library: 'local', path: 'contracts/nda.signed.pdf' } });
    const signed = await tempLibrary.current.library.read(stored.signedCopyRef.path);
    expect(createHash('sha256').update(signed).digest('hex')).toBe(sealed.sealedSha256);
    expect(sealed.level).toBe('B-B');
    expect(sealed.evidencePages).toBeGreaterThanOrEqual(2); // a signature page and at least one audit page
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(2 + sealed.evidencePages!);
    expect(signed.subarray(0, original.length).equals(original)).toBe(true); // incremental: the original is a prefix
    const report = await verifyPdf(signed);
    expect(report.signatures).toEqual([
      expect.objectContaining({ kind: 'signature', level: 'B-B', valid: true, modifiedAfter: 'none' }),
    ]);
    await expect(tempLibrary.current.library.read('contracts/nda.pdf')).resolves.toEqual(original);

    const again = await newEnvironment().run(activities.storeSignedCopy, {
      envelopeId: 'env-0001',
      document: makeDocument(),
      stagedKey: sealed.stagedKey,
    });
    expect(again).toEqual(stored);
  });

  it('keeps an already signed original untouched: seal only, the evidence as a separate sealed file beside it', async () => {
    const originalPath = path.join(tempLibrary.current.root, 'contracts', 'nda.pdf');
    const presigned = Buffer.from(
      await createTestSealer().seal(await fs.readFile(originalPath), { signingTime: clock() }),
    );
    await fs.writeFile(originalPath, presigned);
    const activities = activitiesFor(tempLibrary.current.library);
    const sealed: SealDocumentResult = await newEnvironment().run(activities.sealDocument, sealInput);
    expect(sealed.evidenceStagedKey).toEqual(expect.any(String));
    const stored: StoreSignedCopyResult = await newEnvironment().run(activities.storeSignedCopy, {
      envelopeId: 'env-0001',
      document: makeDocument(),
      stagedKey: sealed.stagedKey,
      evidenceStagedKey: sealed.evidenceStagedKey!,
    });
    expect(stored).toEqual({
      signedCopyRef: { library: 'local', path: 'contracts/nda.signed.pdf' },
      evidenceRef: { library: 'local', path: 'contracts/nda.evidence.pdf' },
    });
    const signed = await tempLibrary.current.library.read(stored.signedCopyRef.path);
    expect(signed.subarray(0, presigned.length).equals(presigned)).toBe(true);
    expect((await PDFDocument.load(signed)).getPageCount()).toBe(2); // no pages added after the first signature
    const report = await verifyPdf(signed);
    expect(report.signatures.map((s) => [s.valid, s.modifiedAfter])).toEqual([
      [true, expect.not.stringMatching(/^none$/) as string],
      [true, 'none'],
    ]);
    const evidence = await tempLibrary.current.library.read(stored.evidenceRef!.path);
    expect((await PDFDocument.load(evidence)).getPageCount()).toBe(sealed.evidencePages);
    expect((await verifyPdf(evidence)).signatures).toEqual([expect.objectContaining({ valid: true, level: 'B-B' })]);
    // Neither file is listed as a document of its own.
    expect((await tempLibrary.current.library.list()).map((e) => e.path)).toEqual(['contracts/nda.pdf']);
  });

  it('fails non-retryably with INVALID_DOCUMENT for a document that is not a PDF', async () => {
    await fs.writeFile(path.join(tempLibrary.current.root, 'contracts', 'nda.pdf'), 'not a pdf');
    const failure = await activityFailureOf(
      newEnvironment().run(activitiesFor(tempLibrary.current.library).sealDocument, sealInput),
    );
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.INVALID_DOCUMENT, true]);
  });

  it('fails non-retryably with DOCUMENT_NOT_FOUND when the original is gone', async () => {
    await tempLibrary.current.library.remove('contracts/nda.pdf');
    const failure = await activityFailureOf(
      newEnvironment().run(activitiesFor(tempLibrary.current.library).sealDocument, sealInput),
    );
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.DOCUMENT_NOT_FOUND, true]);
  });

  it('keeps LIBRARY_UNAVAILABLE retryable', async () => {
    const busy: DocumentLibrary = {
      ...tempLibrary.current.library,
      stage: async () => {
        throw new AppError(AppErrorCode.LIBRARY_UNAVAILABLE, { message: 'EBUSY' });
      },
    };
    const failure = await activityFailureOf(newEnvironment().run(activitiesFor(busy).sealDocument, sealInput));
    expect([failure.type, failure.nonRetryable]).toEqual([AppErrorCode.LIBRARY_UNAVAILABLE, false]);
  });
});

describe('updateDocumentStatus', () => {
  const update = (revision: number, overrides: Partial<UpdateDocumentStatusInput> = {}): UpdateDocumentStatusInput => ({
    envelopeId: 'env-0001',
    documents: [
      makeDocument(),
      makeDocument({
        documentId: 'doc-0002',
        name: 'annex.pdf',
        ref: { library: 'local', path: 'contracts/annex.pdf' },
      }),
    ],
    status: EnvelopeStatus.PENDING,
    finalising: false,
    progress: { done: 1, required: 2 },
    expiresAt: '2025-03-28T10:00:00.000Z',
    nextReminderAt: '2025-03-17T10:00:00.000Z',
    legalHold: false,
    revision,
    ...overrides,
  });

  it('writes the sidecar of every document and never rolls back to an older revision', async () => {
    const activities = activitiesFor(tempLibrary.current.library);
    await newEnvironment().run(activities.updateDocumentStatus, update(2));
    await newEnvironment().run(activities.updateDocumentStatus, update(1, { status: EnvelopeStatus.CANCELLED }));
    for (const doc of ['contracts/nda.pdf', 'contracts/annex.pdf']) {
      await expect(tempLibrary.current.library.readStatus(doc)).resolves.toEqual({
        envelopeId: 'env-0001',
        status: 'PENDING',
        finalising: false,
        progress: { done: 1, required: 2 },
        expiresAt: '2025-03-28T10:00:00.000Z',
        nextReminderAt: '2025-03-17T10:00:00.000Z',
        legalHold: false,
        revision: 2,
        updatedAt: '2035-01-01T00:00:00.000Z',
      });
    }
  });

  it('records the signed copy path from the document', async () => {
    const signed = makeDocument({ signedCopyRef: { library: 'local', path: 'contracts/nda.signed.pdf' } });
    await newEnvironment().run(
      activitiesFor(tempLibrary.current.library).updateDocumentStatus,
      update(3, { documents: [signed], status: EnvelopeStatus.COMPLETED }),
    );
    await expect(tempLibrary.current.library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({
      status: 'COMPLETED',
      signedCopyPath: 'contracts/nda.signed.pdf',
    });
  });
});
