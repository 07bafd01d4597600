import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, AppErrorCode } from '@signet/shared';
import type { UploadedFile } from '../documents/check-documents';

/** The parts of `POST /api/v1/envelopes/upload`: the `envelope` JSON field and every `file` part. */
export type EnvelopeUpload = { envelope: unknown; uploads: UploadedFile[] };

function invalid(message: string): AppError {
  return new AppError(AppErrorCode.VALIDATION_FAILED, { message });
}

/**
 * A body the multipart parser cannot read (no boundary, broken part headers, cut short) is the client's fault.
 * busboy throws plain errors for these, which would otherwise become 500 INTERNAL; errors that already carry
 * an HTTP status (@fastify/multipart's limits) and catalogue errors pass through.
 */
function malformedMultipart(error: unknown): unknown {
  if (error instanceof AppError || (error as { statusCode?: unknown }).statusCode !== undefined) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(AppErrorCode.VALIDATION_FAILED, {
    message: `not a valid multipart body: ${reason}`,
    cause: error,
  });
}

/** The parts of a multipart request, with parser failures mapped by `malformedMultipart`. */
export async function* multipartParts(request: FastifyRequest): AsyncGenerator<Multipart> {
  const iterator = request.parts()[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Multipart>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw malformedMultipart(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** One file part into memory; DOCUMENT_TOO_LARGE (naming the file) past the multipart fileSize limit. */
export async function readFilePart(part: MultipartFile, fileName: string, maxFileBytes: number): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (error) {
    // @fastify/multipart stops reading at the configured fileSize limit (config.maxUploadBytes).
    if ((error as { code?: unknown }).code !== 'FST_REQ_FILE_TOO_LARGE') throw malformedMultipart(error);
    throw new AppError(AppErrorCode.DOCUMENT_TOO_LARGE, {
      message: `${fileName} is larger than the limit of ${maxFileBytes} bytes`,
      details: { document: fileName, limit: maxFileBytes },
      cause: error,
    });
  }
}

/**
 * Reads a multipart upload into memory (the size and count limits are set where @fastify/multipart is
 * registered). Nothing is stored here: the files are checked before anything is written.
 */
export async function readEnvelopeUpload(request: FastifyRequest, maxFileBytes: number): Promise<EnvelopeUpload> {
  let envelopeJson: string | undefined;
  const uploads: UploadedFile[] = [];
  for await (const part of multipartParts(request)) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file')
        throw invalid(`unexpected file part "${part.fieldname}"; send documents as "file"`);
      const fileName = part.filename || 'document.pdf';
      uploads.push({ fileName, bytes: await readFilePart(part, fileName, maxFileBytes) });
    } else if (part.fieldname === 'envelope') {
      if (part.valueTruncated)
        throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, { message: 'the envelope field is too large' });
      envelopeJson = String(part.value);
    } else {
      throw invalid(`unexpected field "${part.fieldname}"; expected "envelope" and "file" parts`);
    }
  }
  if (envelopeJson === undefined) throw invalid('envelope: the "envelope" field with the envelope JSON is missing');
  try {
    return { envelope: JSON.parse(envelopeJson) as unknown, uploads };
  } catch {
    throw invalid('envelope: not valid JSON');
  }
}
