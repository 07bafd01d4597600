import type { SignatureLine } from '@signet/workflows';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { formatDateTime } from '../format-date-time';
import { createPageWriter } from './page-writer';

/** What the signature page records. */
export type SignaturePageContent = {
  envelopeId: string;
  subject: string;
  documentName: string;
  completedAt: string;
  senderTimeZone?: string;
  signatures: SignatureLine[];
  /** SHA-256 (hex) of the original bytes, so anyone can check the sealed copy was made from them. */
  originalSha256: string;
};

const ACTION_LABEL: Record<SignatureLine['action'], string> = { SIGNED: 'Signed', APPROVED: 'Approved' };

/**
 * Appends the signature page (more pages if the signatures do not fit on one) to `doc` and returns how many
 * pages it added. Pure layout: no I/O, no hashing.
 */
export function buildSignaturePage(
  doc: PDFDocument,
  fonts: { regular: PDFFont; bold: PDFFont },
  content: SignaturePageContent,
): number {
  const writer = createPageWriter(doc, fonts);
  const at = (iso: string) => formatDateTime(iso, content.senderTimeZone);

  writer.text('Signature page', { size: 18, bold: true });
  writer.gap(8);
  writer.text(`Subject: ${content.subject}`, { size: 11 });
  writer.text(`Document: ${content.documentName}`);
  writer.text(`Envelope: ${content.envelopeId}`);
  writer.text(`Completed: ${at(content.completedAt)}`);
  writer.gap(12);

  content.signatures.forEach((line, index) => {
    writer.text(`${index + 1}. ${line.name} <${line.email}>`, { size: 11, bold: true });
    writer.text(`Role: ${line.role}    Action: ${ACTION_LABEL[line.action]}`, { indent: 14 });
    writer.text(`Time: ${at(line.at)}`, { indent: 14 });
    writer.text(`Authentication: ${line.authMethod}`, { indent: 14 });
    if (line.onBehalfOf) writer.text(`On behalf of: ${line.onBehalfOf}`, { indent: 14 });
    if (line.signatureText) writer.text(`Typed signature: ${line.signatureText}`, { indent: 14 });
    writer.gap(8);
  });

  writer.gap(8);
  writer.text('SHA-256 of the original document:', { bold: true });
  writer.text(content.originalSha256, { size: 9 });
  writer.gap(6);
  writer.text('Sealed by Signet. The pages before this one are the original document, unchanged.', {
    size: 8,
    grey: true,
  });
  return writer.pagesAdded;
}
