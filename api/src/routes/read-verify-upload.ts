import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import type { UploadedFile } from '../documents/check-documents';
import { multipartParts, readFilePart } from './read-upload';

/** The parts of `POST /api/v1/verify`: one `file`, and optionally `trustedRoots` (PEM certificates). */
export type VerifyUpload = { upload: UploadedFile; trustedRoots?: string[] };

function invalid(message: string): AppError {
  return new AppError(AppErrorCode.VALIDATION_FAILED, { message });
}

/** Reads the one PDF to verify (size limit as for envelope uploads) and the optional trusted roots. */
export async function readVerifyUpload(request: FastifyRequest, maxFileBytes: number): Promise<VerifyUpload> {
  let upload: UploadedFile | undefined;
  const trustedRoots: string[] = [];
  for await (const part of multipartParts(request)) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw invalid(`unexpected file part "${part.fieldname}"; send the PDF as "file"`);
      if (upload) throw invalid('send exactly one "file" to verify');
      const fileName = part.filename || 'document.pdf';
      upload = { fileName, bytes: await readFilePart(part, fileName, maxFileBytes) };
    } else if (part.fieldname === 'trustedRoots') {
      if (part.valueTruncated)
        throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, { message: 'the trustedRoots field is too large' });
      trustedRoots.push(String(part.value));
    } else {
      throw invalid(`unexpected field "${part.fieldname}"; expected a "file" and optional "trustedRoots"`);
    }
  }
  if (!upload) throw invalid('file: the PDF to verify is missing');
  return { upload, ...(trustedRoots.length > 0 ? { trustedRoots } : {}) };
}
