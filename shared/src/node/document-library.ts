import type { EnvelopeStatus } from '../domain/vocabulary';

/** What the library shows beside a document that is (or was) in an envelope. Written as a sidecar file. */
export type DocumentStatusRecord = {
  envelopeId: string;
  status: EnvelopeStatus;
  finalising: boolean;
  progress: { done: number; required: number };
  expiresAt: string;
  nextReminderAt?: string;
  legalHold: boolean;
  /** Library path of the signed copy, once stored. */
  signedCopyPath?: string;
  /** Set when retention deleted the document. */
  deletedAt?: string;
  /** Monotonic per envelope; an older revision never overwrites a newer one. */
  revision: number;
  updatedAt: string;
};

export type LibraryEntry = {
  path: string;
  name: string;
  size: number;
  modifiedAt: string;
  status?: DocumentStatusRecord;
};

/**
 * A document library: the embedded local folder now, SharePoint later. Paths are library-relative with
 * forward slashes (`contracts/nda.pdf`). Every method rejects a path that escapes the library with
 * INVALID_DOCUMENT_PATH and a missing document with DOCUMENT_NOT_FOUND.
 */
export interface DocumentLibrary {
  /** Opaque id, used as the SourceLibrary search attribute. */
  readonly id: string;
  /** Size and name of a document; DOCUMENT_NOT_FOUND if absent. */
  describe(path: string): Promise<{ path: string; name: string; size: number }>;
  read(path: string): Promise<Buffer>;
  /** Stores an upload under `uploads/`, never overwriting an existing file; returns where it went. */
  saveUpload(fileName: string, bytes: Buffer): Promise<{ path: string; name: string }>;
  /** Writes a sealed copy to a staging area outside the visible library; returns a key for commit. */
  stage(envelopeId: string, documentId: string, bytes: Buffer): Promise<string>;
  /**
   * Atomically moves a staged copy beside its original as `<name>.signed.pdf`. Idempotent: when the
   * staged copy is gone and the target exists, returns the target.
   */
  commitSignedCopy(stagedKey: string, originalPath: string): Promise<{ path: string }>;
  /** The same for a separate evidence file (`<name>.evidence.pdf`), made when the original was already signed. */
  commitEvidence(stagedKey: string, originalPath: string): Promise<{ path: string }>;
  /** Writes the status sidecar of a document, ignoring a record older than the one stored. */
  writeStatus(path: string, record: DocumentStatusRecord): Promise<void>;
  readStatus(path: string): Promise<DocumentStatusRecord | undefined>;
  /** Every document with its status, for the library view. Sidecars, staging and signed copies are not listed as documents. */
  list(): Promise<LibraryEntry[]>;
  /** Deletes a document; false if it was already gone. */
  remove(path: string): Promise<boolean>;
}
