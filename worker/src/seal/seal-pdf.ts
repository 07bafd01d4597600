import { AppError, AppErrorCode } from '@signet/shared/errors';
import { joinChunks } from './byte-chunks';
import { addSignatureTimestamp, createCadesSignature, encodeCadesSignature } from './cades-signature';
import { appendDssRevision } from './dss-revision';
import { readRevision } from './pdf-revision';
import type { PdfRevision } from './pdf-revision';
import { parseCertificate, sha256 } from './pki';
import type { RevocationSource } from './revocation-source';
import { timestampCertificates } from './rfc3161';
import type { SealSigner } from './seal-signer';
import { appendSignatureRevision } from './signature-revision';
import type { TimestampAuthority } from './timestamp-authority';
import { collectValidationData } from './validation-data';

/** PAdES baseline levels (EN 319 142-1). */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export type SealPdfOptions = {
  signer: SealSigner;
  level: PadesLevel;
  /** Required from B-T. */
  tsa?: TimestampAuthority;
  /** Required from B-LT. */
  revocation?: RevocationSource;
  /** Default "Signet seal"; made unique among existing fields. */
  fieldName?: string;
  /** The claimed signing time, written as /M (never as a CMS attribute). */
  signingTime: Date;
  /** Bytes reserved for the CMS; default 20 KB (chain + timestamp fit well below). */
  signatureSize?: number;
};

/**
 * Seals a PDF with the platform certificate as PAdES baseline, every step an incremental update:
 * signature (B-B, with its timestamp from B-T), then the DSS (B-LT), then a document timestamp (B-LTA).
 * The input, and each intermediate revision, is a byte-exact prefix of the result. The input is read once,
 * through its cross-reference data; the revisions share its bytes as chunks, joined once at the end.
 */
export async function sealPdf(bytes: Uint8Array, options: SealPdfOptions): Promise<Uint8Array> {
  return sealRevision(await readRevision(bytes), options);
}

/**
 * {@link sealPdf} on a revision already in memory (e.g. the original with the evidence pages appended), so the
 * file is not joined into one buffer and read again between the two steps.
 */
export async function sealRevision(input: PdfRevision, options: SealPdfOptions): Promise<Uint8Array> {
  const needsTsa = options.level !== 'B-B';
  const needsLt = options.level === 'B-LT' || options.level === 'B-LTA';
  if (needsTsa && !options.tsa) throw configError(`${options.level} needs a timestamp authority`);
  if (needsLt && !options.revocation) throw configError(`${options.level} needs a revocation source`);
  const tsaCertificates: Uint8Array[] = [];
  const signed = await appendSignatureRevision(input, {
    dictionaryEntries:
      '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ' + `/M (${pdfDate(options.signingTime)})`,
    fieldName: options.fieldName ?? 'Signet seal',
    contentsSize: options.signatureSize ?? 20_480,
    emptyAppearance: true,
    createContents: async (digest) => {
      const signature = await createCadesSignature(options.signer, digest);
      // Only from B-T: a B-B seal never calls the TSA, even when one is configured (validators read a
      // signature timestamp as B-T, so the level asked for would not be the level delivered).
      if (needsTsa && options.tsa) {
        const token = await options.tsa.timestamp(sha256(signature.signatureValue), 'SHA-256');
        tsaCertificates.push(...timestampCertificates(token).map((c) => new Uint8Array(c.toSchema().toBER(false))));
        addSignatureTimestamp(signature, token);
      }
      return encodeCadesSignature(signature);
    },
  });
  if (!needsLt || !options.revocation) return joinChunks(signed.file);
  const certificates = [...options.signer.certificateChain, ...tsaCertificates].map(parseCertificate);
  const withDss = appendDssRevision(signed, await collectValidationData(certificates, options.revocation));
  if (options.level !== 'B-LTA' || !options.tsa) return joinChunks(withDss.file);
  const tsa = options.tsa;
  const stamped = await appendSignatureRevision(withDss, {
    dictionaryEntries: '/Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161',
    fieldName: `${options.fieldName ?? 'Signet seal'} timestamp`,
    contentsSize: 12_288,
    createContents: (digest) => tsa.timestamp(digest, 'SHA-256'),
  });
  return joinChunks(stamped.file);
}

function configError(message: string): AppError {
  return new AppError(AppErrorCode.INVALID_CONFIG, { message });
}

/** PDF date in UTC: D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
