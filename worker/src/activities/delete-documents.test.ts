import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DeleteDocumentsResult } from '@signet/workflows';
import { MockActivityEnvironment } from '@temporalio/testing';
import {
  createFakeMailer,
  LINK_SECRET,
  makeDocument,
  PUBLIC_URL,
  quietTemporalLogger,
  silentLogger,
  useTempLibrary,
} from '../testing/fixtures';
import { createTestSealer } from '../testing/test-sealer';
import { createActivities } from './create-activities';

const tempLibrary = useTempLibrary();

const clock = () => new Date('2035-01-01T00:00:00.000Z');
const newEnvironment = () => new MockActivityEnvironment(undefined, { logger: quietTemporalLogger });
const activitiesFor = () =>
  createActivities({
    library: tempLibrary.current.library,
    mailer: createFakeMailer(),
    sealer: createTestSealer(),
    linkSecret: LINK_SECRET,
    publicUrl: PUBLIC_URL,
    logger: silentLogger,
    clock,
  });

describe('deleteDocuments', () => {
  it('deletes originals, signed copies and evidence files, writes a tombstone and tolerates a retry', async () => {
    const activities = activitiesFor();
    await tempLibrary.current.library.commitSignedCopy(
      await tempLibrary.current.library.stage('env-0001', 'doc-0001', Buffer.from('sealed')),
      'contracts/nda.pdf',
    );
    await tempLibrary.current.library.commitEvidence(
      await tempLibrary.current.library.stage('env-0001', 'doc-0001.evidence', Buffer.from('evidence')),
      'contracts/nda.pdf',
    );
    await tempLibrary.current.library.writeStatus('contracts/nda.pdf', {
      envelopeId: 'env-0001',
      status: 'COMPLETED',
      finalising: false,
      progress: { done: 2, required: 2 },
      expiresAt: '2025-03-28T10:00:00.000Z',
      legalHold: false,
      revision: 7,
      updatedAt: '2025-03-14T10:06:00.000Z',
    });
    const document = makeDocument({
      signedCopyRef: { library: 'local', path: 'contracts/nda.signed.pdf' },
      evidenceRef: { library: 'local', path: 'contracts/nda.evidence.pdf' },
    });

    const result: DeleteDocumentsResult = await newEnvironment().run(activities.deleteDocuments, {
      envelopeId: 'env-0001',
      documents: [document],
    });
    expect(result.deleted).toEqual(['contracts/nda.pdf', 'contracts/nda.signed.pdf', 'contracts/nda.evidence.pdf']);
    expect(await fs.readdir(path.join(tempLibrary.current.root, 'contracts'))).toEqual(['nda.pdf.signet.json']);
    await expect(tempLibrary.current.library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({
      status: 'COMPLETED',
      deletedAt: '2035-01-01T00:00:00.000Z',
      revision: 8,
    });

    const retry: DeleteDocumentsResult = await newEnvironment().run(activities.deleteDocuments, {
      envelopeId: 'env-0001',
      documents: [document],
    });
    expect(retry.deleted).toEqual(['contracts/nda.pdf', 'contracts/nda.signed.pdf', 'contracts/nda.evidence.pdf']);
    await expect(tempLibrary.current.library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({
      deletedAt: '2035-01-01T00:00:00.000Z',
    });
  });

  it('reports nothing deleted for files that were already gone before retention ran', async () => {
    await tempLibrary.current.library.remove('contracts/nda.pdf');
    const result: DeleteDocumentsResult = await newEnvironment().run(activitiesFor().deleteDocuments, {
      envelopeId: 'env-0001',
      documents: [makeDocument()],
    });
    expect(result.deleted).toEqual([]);
    await expect(tempLibrary.current.library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({
      envelopeId: 'env-0001',
      deletedAt: '2035-01-01T00:00:00.000Z',
    });
  });
});
