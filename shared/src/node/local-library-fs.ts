import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, AppErrorCode } from '../errors/app-error';

function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is a file-system error with one of `codes`. */
export function hasErrno(error: unknown, ...codes: string[]): boolean {
  const code = errnoOf(error);
  return code !== undefined && codes.includes(code);
}

/**
 * Maps a file-system error to the catalogue. Absent files are DOCUMENT_NOT_FOUND (permanent); everything
 * else (EACCES, EBUSY, EROFS, ENOSPC, …) is LIBRARY_UNAVAILABLE, which activities retry: permissions get
 * fixed and locks get released without the envelope having to fail.
 */
export function toLibraryError(error: unknown, libraryPath: string): AppError {
  if (error instanceof AppError) return error;
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
    return new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, {
      message: `no document at ${JSON.stringify(libraryPath)}`,
      details: { path: libraryPath },
      cause: error,
    });
  }
  if (code === 'ELOOP') {
    return new AppError(AppErrorCode.INVALID_DOCUMENT_PATH, {
      message: `library path ${JSON.stringify(libraryPath)} is a symlink loop`,
      details: { path: libraryPath },
      cause: error,
    });
  }
  return new AppError(AppErrorCode.LIBRARY_UNAVAILABLE, {
    message: `library cannot access ${JSON.stringify(libraryPath)} (${code ?? 'unknown error'})`,
    details: { path: libraryPath, ...(code ? { errno: code } : {}) },
    cause: error,
  });
}

function isWithin(realRoot: string, candidate: string): boolean {
  return candidate === realRoot || candidate.startsWith(realRoot + path.sep);
}

/**
 * Rejects `absolute` when it, or its nearest existing ancestor, resolves (through symlinks) outside
 * `realRoot`. A dangling symlink is rejected too: writing through it would create a file wherever it points.
 */
export async function assertInsideRoot(realRoot: string, absolute: string, libraryPath: string): Promise<void> {
  let probe = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(probe);
      if (isWithin(realRoot, real)) return;
      break;
    } catch (error) {
      if (!hasErrno(error, 'ENOENT', 'ENOTDIR')) throw toLibraryError(error, libraryPath);
      const dangling = await fs.lstat(probe).then(
        (stats) => stats.isSymbolicLink(),
        () => false,
      );
      if (dangling || probe === realRoot) break;
      probe = path.dirname(probe);
    }
  }
  throw new AppError(AppErrorCode.INVALID_DOCUMENT_PATH, {
    message: `library path ${JSON.stringify(libraryPath)} resolves outside the library`,
    details: { path: libraryPath },
  });
}

/** A temp file name beside `target`: same directory (so rename stays atomic), hidden from `list()`. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `bytes` to a fresh temp file and flushes it; the caller links or renames it into place. */
export async function writeTempFile(target: string, bytes: Uint8Array): Promise<string> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/**
 * Replaces `target` atomically: readers see the old bytes or the new bytes, never a half-written file,
 * even if the process dies mid-write (the temp file is left behind, hidden, instead).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTempFile(target, bytes);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** True when something (file, directory, symlink) exists at `absolute`. */
export async function pathExists(absolute: string): Promise<boolean> {
  return fs.lstat(absolute).then(
    () => true,
    () => false,
  );
}
