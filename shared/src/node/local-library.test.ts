import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, AppErrorCode } from '../errors/app-error';
import type { DocumentLibrary } from './document-library';
import { createLocalLibrary } from './local-library';

let tmp: string;
let root: string;
let library: DocumentLibrary;
const clock = () => new Date('2025-03-14T23:30:00Z');

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'signet-library-'));
  root = path.join(tmp, 'library');
  await fs.mkdir(path.join(root, 'contracts'), { recursive: true });
  await fs.writeFile(path.join(root, 'contracts', 'nda.pdf'), 'original');
  library = createLocalLibrary({ id: 'local-test', root, clock });
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError))
    throw new AppError(AppErrorCode.INTERNAL, { message: `expected an AppError, got ${String(error)}` });
  return error.code;
}

describe('path safety', () => {
  it.each([
    '../x',
    '/etc/passwd',
    'a/../../x',
    'contracts/../nda.pdf',
    '..',
    'C:/x.pdf',
    'a\\..\\x',
    'a\0b.pdf',
    '',
    '.signet/staging/e/d.pdf',
    'contracts/nda.pdf.signet.json',
  ])('rejects %j with INVALID_DOCUMENT_PATH on read, describe, remove and writeStatus', async (bad) => {
    expect(await codeOf(library.read(bad))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    expect(await codeOf(library.describe(bad))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    expect(await codeOf(library.remove(bad))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    expect(await codeOf(library.readStatus(bad))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
  });

  it('rejects a symlink that escapes the root, for reads and for writes through it', async () => {
    const outside = path.join(tmp, 'outside');
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'secret.pdf'), 'secret');
    await fs.symlink(path.join(outside, 'secret.pdf'), path.join(root, 'leak.pdf'));
    await fs.symlink(outside, path.join(root, 'escape'));
    await fs.symlink(path.join(outside, 'new.pdf'), path.join(root, 'dangling.pdf'));

    expect(await codeOf(library.read('leak.pdf'))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    expect(await codeOf(library.read('escape/secret.pdf'))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    const record = {
      envelopeId: 'env-1',
      status: 'PENDING' as const,
      finalising: false,
      progress: { done: 0, required: 1 },
      expiresAt: '2025-04-01T00:00:00.000Z',
      legalHold: false,
      revision: 1,
      updatedAt: '2025-03-14T00:00:00.000Z',
    };
    expect(await codeOf(library.writeStatus('escape/secret.pdf', record))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    expect(await codeOf(library.writeStatus('dangling.pdf', record))).toBe(AppErrorCode.INVALID_DOCUMENT_PATH);
    await expect(fs.readdir(outside)).resolves.toEqual(['secret.pdf']);
  });

  it('follows a symlink that stays inside the root', async () => {
    await fs.symlink(path.join(root, 'contracts'), path.join(root, 'alias'));
    await expect(library.read('alias/nda.pdf')).resolves.toEqual(Buffer.from('original'));
  });

  it('normalises empty and dot segments', async () => {
    await expect(library.describe('./contracts//nda.pdf')).resolves.toEqual({
      path: 'contracts/nda.pdf',
      name: 'nda.pdf',
      size: 8,
    });
  });
});

describe('read and describe', () => {
  it('reads bytes and reports missing documents as DOCUMENT_NOT_FOUND', async () => {
    await expect(library.read('contracts/nda.pdf')).resolves.toEqual(Buffer.from('original'));
    expect(await codeOf(library.read('contracts/missing.pdf'))).toBe(AppErrorCode.DOCUMENT_NOT_FOUND);
    expect(await codeOf(library.describe('contracts'))).toBe(AppErrorCode.DOCUMENT_NOT_FOUND);
  });

  it('maps permission errors to LIBRARY_UNAVAILABLE', async () => {
    if (process.getuid?.() === 0) return; // root ignores file modes; the mapping itself is covered below
    await fs.chmod(path.join(root, 'contracts', 'nda.pdf'), 0o000);
    expect(await codeOf(library.read('contracts/nda.pdf'))).toBe(AppErrorCode.LIBRARY_UNAVAILABLE);
  });
});

describe('saveUpload', () => {
  it('saves under uploads/<utc date>/ with a sanitised name, never overwriting', async () => {
    const first = await library.saveUpload('../../etc/My <Contract>.pdf', Buffer.from('one'));
    const second = await library.saveUpload('My <Contract>.pdf', Buffer.from('two'));
    const third = await library.saveUpload('My <Contract>.pdf', Buffer.from('three'));
    expect([first.path, second.path, third.path]).toEqual([
      'uploads/2025-03-14/My _Contract_.pdf',
      'uploads/2025-03-14/My _Contract_-1.pdf',
      'uploads/2025-03-14/My _Contract_-2.pdf',
    ]);
    await expect(library.read(first.path)).resolves.toEqual(Buffer.from('one'));
    await expect(library.read(third.path)).resolves.toEqual(Buffer.from('three'));
    expect(await fs.readdir(path.join(root, 'uploads', '2025-03-14'))).toHaveLength(3); // no temp files left
  });

  it('keeps concurrent uploads of the same name apart', async () => {
    const saved = await Promise.all([1, 2, 3, 4, 5].map((n) => library.saveUpload('same.pdf', Buffer.from(String(n)))));
    expect(new Set(saved.map((s) => s.path)).size).toBe(5);
    const contents = await Promise.all(saved.map((s) => library.read(s.path).then(String)));
    expect(contents.sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('never hides an upload as a dot file, sidecar or signed copy', async () => {
    expect((await library.saveUpload('.hidden.pdf', Buffer.from('x'))).name).toBe('hidden.pdf');
    expect((await library.saveUpload('a.signed.pdf', Buffer.from('x'))).name).toBe('a-signed.pdf');
    expect((await library.saveUpload('', Buffer.from('x'))).name).toBe('document.pdf');
  });
});

describe('remove', () => {
  it('deletes a document and answers false when it was already gone', async () => {
    await expect(library.remove('contracts/nda.pdf')).resolves.toBe(true);
    await expect(library.remove('contracts/nda.pdf')).resolves.toBe(false);
    expect(await codeOf(library.read('contracts/nda.pdf'))).toBe(AppErrorCode.DOCUMENT_NOT_FOUND);
  });
});
