import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, AppErrorCode } from '../errors/app-error';
import type { DocumentLibrary, DocumentStatusRecord } from './document-library';
import { assertInsideRoot, hasErrno, pathExists, toLibraryError, writeFileAtomic } from './local-library-fs';
import { listDocuments } from './local-library-list';
import {
  INTERNAL_DIR,
  parseLibraryPath,
  parseStagedKey,
  SIDECAR_SUFFIX,
  evidencePathOf,
  signedCopyPathOf,
  stagedKeyOf,
} from './local-library-path';
import { createKeyedLock, readStatusFile, writeStatusFile } from './local-library-status';
import { sanitiseUploadName, saveWithoutOverwrite, uploadFolderOf } from './local-library-upload';

export type LocalLibraryOptions = {
  /** Opaque library id (SourceLibrary search attribute). */
  id: string;
  /** Folder holding the documents; created on first use. */
  root: string;
  /** Dates the `uploads/<yyyy-mm-dd>/` folder; tests pass a fixed clock. */
  clock?: () => Date;
};

type Located = { relative: string; absolute: string };

/**
 * The embedded default library: a local folder. Layout under `root`:
 * - documents anywhere (`contracts/nda.pdf`), uploads in `uploads/<yyyy-mm-dd>/`;
 * - `<document>.signet.json` status sidecar and `<stem>.signed.pdf` signed copy beside each original;
 * - `.signet/staging/<envelopeId>/<documentId>.pdf` sealed copies not yet committed (hidden).
 * Every write lands atomically (temp file + rename), so a crash never leaves a half-written document.
 */
export function createLocalLibrary(options: LocalLibraryOptions): DocumentLibrary {
  const root = path.resolve(options.root);
  const clock = options.clock ?? (() => new Date());
  const withLock = createKeyedLock();
  let realRootPromise: Promise<string> | undefined;

  // Resolved once: documents are joined onto the real root so a symlinked root folder still works.
  function realRoot(): Promise<string> {
    realRootPromise ??= fs
      .mkdir(root, { recursive: true })
      .then(() => fs.realpath(root))
      .catch((error: unknown) => {
        realRootPromise = undefined;
        throw toLibraryError(error, '.');
      });
    return realRootPromise;
  }

  async function resolve(segments: string[], shown: string): Promise<Located> {
    const base = await realRoot();
    const absolute = path.join(base, ...segments);
    await assertInsideRoot(base, absolute, shown);
    return { relative: segments.join('/'), absolute };
  }

  const locate = (libraryPath: string): Promise<Located> => resolve(parseLibraryPath(libraryPath), libraryPath);

  async function sidecarOf(libraryPath: string): Promise<Located> {
    const document = await locate(libraryPath);
    const segments = (document.relative + SIDECAR_SUFFIX).split('/');
    return resolve(segments, libraryPath);
  }

  async function stagingFile(stagedKey: string): Promise<Located> {
    const { envelopeId, documentId } = parseStagedKey(stagedKey);
    return resolve([INTERNAL_DIR, 'staging', envelopeId, `${documentId}.pdf`], stagedKey);
  }

  // Runs a file-system step, mapping errors to the catalogue in terms of the library path the caller gave.
  /** Commits a staged file to the library path `pathOf(original)` beside its original. */
  function commitBeside(stagedKey: string, originalPath: string, pathOf: (original: string) => string) {
    return guarded(originalPath, async () => {
      const staged = await stagingFile(stagedKey);
      const original = await locate(originalPath);
      const target = await resolve(parseLibraryPath(pathOf(original.relative)), originalPath);
      await commitStaged(staged.absolute, target);
      return { path: target.relative };
    });
  }

  async function guarded<T>(libraryPath: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      throw toLibraryError(error, libraryPath);
    }
  }

  return {
    id: options.id,

    describe: (libraryPath) =>
      guarded(libraryPath, async () => {
        const { relative, absolute } = await locate(libraryPath);
        const stats = await fs.stat(absolute);
        if (!stats.isFile()) {
          throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, {
            message: `${JSON.stringify(libraryPath)} is a folder, not a document`,
          });
        }
        return { path: relative, name: path.posix.basename(relative), size: stats.size };
      }),

    read: (libraryPath) => guarded(libraryPath, async () => fs.readFile((await locate(libraryPath)).absolute)),

    saveUpload: (fileName, bytes) =>
      guarded(fileName, async () => {
        const folder = await resolve(uploadFolderOf(clock()).split('/'), fileName);
        const name = await saveWithoutOverwrite(folder.absolute, sanitiseUploadName(fileName), bytes);
        return { path: `${folder.relative}/${name}`, name };
      }),

    stage: (envelopeId, documentId, bytes) =>
      guarded(`${envelopeId}/${documentId}`, async () => {
        const key = stagedKeyOf(envelopeId, documentId);
        await writeFileAtomic((await stagingFile(key)).absolute, bytes);
        return key;
      }),

    commitSignedCopy: (stagedKey, originalPath) => commitBeside(stagedKey, originalPath, signedCopyPathOf),

    commitEvidence: (stagedKey, originalPath) => commitBeside(stagedKey, originalPath, evidencePathOf),

    writeStatus: (libraryPath, record) =>
      guarded(libraryPath, async () => {
        const sidecar = await sidecarOf(libraryPath);
        // The document itself may be gone (deleted by retention or by hand): the status is still written,
        // so a tombstone survives and the envelope never fails on a missing original.
        await withLock(sidecar.absolute, () => writeStatusFile(sidecar.absolute, record));
      }),

    readStatus: (libraryPath): Promise<DocumentStatusRecord | undefined> =>
      guarded(libraryPath, async () => readStatusFile((await sidecarOf(libraryPath)).absolute)),

    list: () => guarded('.', async () => listDocuments(await realRoot())),

    remove: (libraryPath) =>
      guarded(libraryPath, async () => {
        const { absolute } = await locate(libraryPath);
        try {
          await fs.unlink(absolute);
          return true;
        } catch (error) {
          if (hasErrno(error, 'ENOENT')) return false;
          throw error;
        }
      }),
  };
}

/**
 * Moves the staged copy into place with one rename (atomic: the signed copy is complete or absent).
 * Idempotent: when the staged copy is gone because an earlier attempt already moved it, the existing
 * target is the result.
 */
async function commitStaged(staged: string, target: Located): Promise<void> {
  await fs.mkdir(path.dirname(target.absolute), { recursive: true });
  try {
    await fs.rename(staged, target.absolute);
  } catch (error) {
    if (hasErrno(error, 'ENOENT') && (await pathExists(target.absolute))) return;
    if (hasErrno(error, 'ENOENT')) {
      throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, {
        message: `staged copy for ${JSON.stringify(target.relative)} is missing and no signed copy exists`,
        details: { path: target.relative },
      });
    }
    // The library folder spans two file systems: copy (atomically) and then drop the staged file.
    if (!hasErrno(error, 'EXDEV')) throw error;
    await writeFileAtomic(target.absolute, await fs.readFile(staged));
    await fs.rm(staged, { force: true });
  }
  await fs.rmdir(path.dirname(staged)).catch(() => undefined); // only succeeds once the envelope's folder is empty
}
