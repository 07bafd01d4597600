import type { TEnvelopeDocument } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { DocumentLibrary } from '@signet/shared/node';
import type { DocumentLimits } from '../pdf/inspect-pdf';
import { inspectPdf } from '../pdf/inspect-pdf';

/** A file received in a multipart upload, not yet stored anywhere. */
export type UploadedFile = { fileName: string; bytes: Buffer };

/** A document that passed every check; uploads still hold their bytes because nothing is written yet. */
export type CheckedDocument =
  | { source: 'library'; path: string; name: string; sha256: string }
  | { source: 'upload'; fileName: string; bytes: Buffer; sha256: string };

/** At most this many documents per envelope (the request schema's limit, applied to uploads too). */
export const MAX_DOCUMENTS = 20;

async function checkLibraryDocument(
  library: DocumentLibrary,
  path: string,
  limits: DocumentLimits,
): Promise<CheckedDocument> {
  const { maxBytes } = limits;
  // describe() first: a huge library file is refused without reading it into memory.
  const described = await library.describe(path);
  if (described.size > maxBytes) {
    throw new AppError(AppErrorCode.DOCUMENT_TOO_LARGE, {
      message: `${path} is ${described.size} bytes; the limit is ${maxBytes}`,
      details: { document: path, size: described.size, limit: maxBytes },
    });
  }
  const facts = await inspectPdf(await library.read(path), { ...limits, name: path });
  return { source: 'library', path: described.path, name: described.name, sha256: facts.sha256 };
}

/**
 * Checks every document of a new envelope without writing anything: library documents must exist inside
 * the library (DOCUMENT_NOT_FOUND, INVALID_DOCUMENT_PATH come from the library), and every file must be a
 * readable, unencrypted PDF within the size and page limits (see inspectPdf). At least one document is required.
 */
export async function checkDocuments(
  library: DocumentLibrary,
  libraryPaths: string[],
  uploads: UploadedFile[],
  limits: DocumentLimits,
): Promise<CheckedDocument[]> {
  const count = libraryPaths.length + uploads.length;
  if (count === 0) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'documents: at least one document is required',
      details: { field: 'documents' },
    });
  }
  if (count > MAX_DOCUMENTS) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: `documents: at most ${MAX_DOCUMENTS} documents`,
      details: { field: 'documents' },
    });
  }
  if (new Set(libraryPaths).size !== libraryPaths.length) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, {
      message: 'documents: a library document is listed twice',
      details: { field: 'documents' },
    });
  }
  const checked: CheckedDocument[] = [];
  for (const path of libraryPaths) checked.push(await checkLibraryDocument(library, path, limits));
  for (const upload of uploads) {
    const facts = await inspectPdf(upload.bytes, { ...limits, name: upload.fileName });
    checked.push({ source: 'upload', fileName: upload.fileName, bytes: upload.bytes, sha256: facts.sha256 });
  }
  return checked;
}

/**
 * Saves the uploads among `checked` into the library and returns every document as the workflow holds it.
 * Each saved path is pushed to `saved` as soon as it exists, so the caller can remove them if a later
 * step fails, even when this function itself fails half-way.
 */
export async function storeDocuments(
  library: DocumentLibrary,
  checked: CheckedDocument[],
  newId: () => string,
  saved: string[],
): Promise<TEnvelopeDocument[]> {
  const documents: TEnvelopeDocument[] = [];
  for (const document of checked) {
    let location: { path: string; name: string };
    if (document.source === 'upload') {
      location = await library.saveUpload(document.fileName, document.bytes);
      saved.push(location.path);
    } else {
      location = { path: document.path, name: document.name };
    }
    documents.push({
      documentId: newId(),
      name: location.name,
      ref: { library: 'local', path: location.path },
      originalSha256: document.sha256,
    });
  }
  return documents;
}
