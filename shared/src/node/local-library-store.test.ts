import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppErrorCode } from '../errors/app-error';
import type { DocumentLibrary, DocumentStatusRecord } from './document-library';
import { createLocalLibrary } from './local-library';
import { toLibraryError } from './local-library-fs';

let tmp: string;
let root: string;
let library: DocumentLibrary;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signet-library-'));
  root = path.join(tmp, 'library');
  await fs.mkdir(path.join(root, 'contracts'), { recursive: true });
  await fs.writeFile(path.join(root, 'contracts', 'nda.pdf'), 'original');
  await fs.writeFile(path.join(root, 'readme.txt'), 'hello');
  library = createLocalLibrary({ id: 'local-test', root });
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function status(revision: number, overrides: Partial<DocumentStatusRecord> = {}): DocumentStatusRecord {
  return {
    envelopeId: 'env-1',
    status: 'PENDING',
    finalising: false,
    progress: { done: revision, required: 5 },
    expiresAt: '2025-04-01T00:00:00.000Z',
    legalHold: false,
    revision,
    updatedAt: `2025-03-14T00:00:0${revision}.000Z`,
    ...overrides,
  };
}

describe('stage and commitSignedCopy', () => {
  it('stages out of sight, then moves the copy beside the original as <stem>.signed.pdf', async () => {
    const key = await library.stage('env-1', 'doc-1', Buffer.from('sealed'));
    await expect(fs.readFile(path.join(root, '.signet', 'staging', 'env-1', 'doc-1.pdf'), 'utf8')).resolves.toBe(
      'sealed',
    );
    expect((await library.list()).map((e) => e.path)).toEqual(['contracts/nda.pdf', 'readme.txt']);

    await expect(library.commitSignedCopy(key, 'contracts/nda.pdf')).resolves.toEqual({
      path: 'contracts/nda.signed.pdf',
    });
    await expect(library.read('contracts/nda.signed.pdf')).resolves.toEqual(Buffer.from('sealed'));
    await expect(library.read('contracts/nda.pdf')).resolves.toEqual(Buffer.from('original'));
    await expect(fs.access(path.join(root, '.signet', 'staging', 'env-1'))).rejects.toThrow();
  });

  it('is idempotent: a retried commit returns the stored copy unchanged', async () => {
    const key = await library.stage('env-1', 'doc-1', Buffer.from('sealed'));
    const first = await library.commitSignedCopy(key, 'contracts/nda.pdf');
    const again = await library.commitSignedCopy(key, 'contracts/nda.pdf');
    expect(again).toEqual(first);
    await expect(library.read(first.path)).resolves.toEqual(Buffer.from('sealed'));
  });

  it('fails with DOCUMENT_NOT_FOUND when nothing was staged or stored, and rejects forged keys', async () => {
    await expect(library.commitSignedCopy('env-1/doc-9', 'contracts/nda.pdf')).rejects.toMatchObject({
      code: AppErrorCode.DOCUMENT_NOT_FOUND,
    });
    await expect(library.commitSignedCopy('../../x', 'contracts/nda.pdf')).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT_PATH,
    });
    await expect(library.stage('..', 'doc', Buffer.from('x'))).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT_PATH,
    });
  });

  it('replaces an older staged copy atomically', async () => {
    await library.stage('env-1', 'doc-1', Buffer.from('first'));
    const key = await library.stage('env-1', 'doc-1', Buffer.from('second'));
    await library.commitSignedCopy(key, 'contracts/nda.pdf');
    await expect(library.read('contracts/nda.signed.pdf')).resolves.toEqual(Buffer.from('second'));
    expect(await fs.readdir(path.join(root, 'contracts'))).toEqual(['nda.pdf', 'nda.signed.pdf']);
  });
});

describe('status sidecars', () => {
  it('writes the sidecar beside the document as JSON', async () => {
    await library.writeStatus('contracts/nda.pdf', status(1));
    const raw = await fs.readFile(path.join(root, 'contracts', 'nda.pdf.signet.json'), 'utf8');
    expect(JSON.parse(raw)).toEqual(status(1));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toEqual(status(1));
    await expect(library.readStatus('readme.txt')).resolves.toBeUndefined();
  });

  it('ignores a record older than the stored one but accepts equal and newer revisions', async () => {
    await library.writeStatus('contracts/nda.pdf', status(4));
    await library.writeStatus('contracts/nda.pdf', status(3, { status: 'CANCELLED' }));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toEqual(status(4));
    await library.writeStatus('contracts/nda.pdf', status(4, { finalising: true }));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({ revision: 4, finalising: true });
    await library.writeStatus('contracts/nda.pdf', status(5, { status: 'COMPLETED' }));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({ revision: 5, status: 'COMPLETED' });
  });

  it('keeps the newest revision when writes race', async () => {
    await Promise.all([3, 1, 5, 2, 4].map((revision) => library.writeStatus('contracts/nda.pdf', status(revision))));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({ revision: 5 });
  });

  it('lets a new envelope on the same document take over from an older one', async () => {
    await library.writeStatus('contracts/nda.pdf', status(9, { status: 'COMPLETED' }));
    await library.writeStatus('contracts/nda.pdf', status(1, { envelopeId: 'env-2' }));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({ envelopeId: 'env-2', revision: 1 });
  });

  it('writes a tombstone for a document that is already gone', async () => {
    await library.remove('contracts/nda.pdf');
    await library.writeStatus('contracts/nda.pdf', status(2, { deletedAt: '2035-01-01T00:00:00.000Z' }));
    await expect(library.readStatus('contracts/nda.pdf')).resolves.toMatchObject({
      deletedAt: '2035-01-01T00:00:00.000Z',
    });
  });
});

describe('list', () => {
  it('lists documents with status, hiding .signet, sidecars, temp files and signed copies', async () => {
    await fs.writeFile(path.join(root, 'contracts', '.nda.pdf.abc.tmp'), 'partial');
    await library.stage('env-1', 'doc-1', Buffer.from('sealed'));
    await library.writeStatus('contracts/nda.pdf', status(2, { status: 'COMPLETED' }));
    const key = await library.stage('env-1', 'doc-1', Buffer.from('sealed'));
    await library.commitSignedCopy(key, 'contracts/nda.pdf');

    const entries = await library.list();
    expect(entries.map((e) => e.path)).toEqual(['contracts/nda.pdf', 'readme.txt']);
    expect(entries[0]).toMatchObject({
      name: 'nda.pdf',
      size: 8,
      status: { status: 'COMPLETED', signedCopyPath: 'contracts/nda.signed.pdf' },
    });
    expect(entries[1]?.status).toBeUndefined();
    expect(Date.parse(entries[1]?.modifiedAt ?? '')).not.toBeNaN();
  });

  it('creates a missing root and lists it as empty', async () => {
    const empty = createLocalLibrary({ id: 'x', root: path.join(tmp, 'fresh', 'library') });
    await expect(empty.list()).resolves.toEqual([]);
  });
});

describe('toLibraryError', () => {
  it.each([
    ['ENOENT', AppErrorCode.DOCUMENT_NOT_FOUND],
    ['EACCES', AppErrorCode.LIBRARY_UNAVAILABLE],
    ['EBUSY', AppErrorCode.LIBRARY_UNAVAILABLE],
    ['EPERM', AppErrorCode.LIBRARY_UNAVAILABLE],
    ['ELOOP', AppErrorCode.INVALID_DOCUMENT_PATH],
  ])('maps %s to %s', (errno, code) => {
    expect(toLibraryError(Object.assign(new Error('fs'), { code: errno }), 'a.pdf').code).toBe(code);
  });
});
