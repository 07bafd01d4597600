import type { DocumentLibrary, DocumentStatusRecord, LibraryEntry } from '@signet/shared/node';
import { AppError, AppErrorCode } from '@signet/shared';

export type FakeLibrary = DocumentLibrary & { files: Map<string, Buffer>; removed: string[] };

/** An in-memory DocumentLibrary with the port's path and not-found rules. */
export function createFakeLibrary(files: Record<string, Buffer> = {}): FakeLibrary {
  const store = new Map(Object.entries(files));
  const statuses = new Map<string, DocumentStatusRecord>();
  const removed: string[] = [];
  const check = (path: string): Buffer => {
    if (path.startsWith('/') || path.split('/').includes('..')) throw new AppError(AppErrorCode.INVALID_DOCUMENT_PATH);
    const bytes = store.get(path);
    if (!bytes) throw new AppError(AppErrorCode.DOCUMENT_NOT_FOUND, { message: `${path} not found` });
    return bytes;
  };
  const nameOf = (path: string) => path.split('/').pop() ?? path;
  return {
    id: 'fake-library',
    files: store,
    removed,
    describe: async (path) => ({ path, name: nameOf(path), size: check(path).length }),
    read: async (path) => check(path),
    saveUpload: async (fileName, bytes) => {
      let path = `uploads/${fileName}`;
      for (let n = 1; store.has(path); n += 1) path = `uploads/${n}-${fileName}`;
      store.set(path, bytes);
      return { path, name: nameOf(path) };
    },
    stage: async () => 'staged',
    commitSignedCopy: async (_key, originalPath) => ({ path: originalPath.replace(/\.pdf$/, '.signed.pdf') }),
    commitEvidence: async (_key, originalPath) => ({ path: originalPath.replace(/\.pdf$/, '.evidence.pdf') }),
    writeStatus: async (path, record) => void statuses.set(path, record),
    readStatus: async (path) => statuses.get(path),
    list: async (): Promise<LibraryEntry[]> =>
      [...store.entries()].map(([path, bytes]) => ({
        path,
        name: nameOf(path),
        size: bytes.length,
        modifiedAt: '2030-01-01T00:00:00.000Z',
        ...(statuses.get(path) ? { status: statuses.get(path) } : {}),
      })),
    remove: async (path) => {
      removed.push(path);
      return store.delete(path);
    },
  };
}
