import type { AuthMethod } from '@signet/shared';
import type { PDFDocument } from 'pdf-lib';
import { formatDateTime } from './format-date-time';
import type { EvidencePagesInput, EvidenceSignature } from './evidence-content';
import type { EvidenceFonts } from './fonts';
import { createPageLayout } from './page-layout';
import type { PageLayout } from './page-layout';
import { embedSignaturePng } from './signature-image';

const ACTION_LABEL: Record<EvidenceSignature['action'], string> = { SIGNED: 'Signed', APPROVED: 'Approved' };
const ROLE_LABEL: Record<string, string> = { SIGNER: 'Signer', APPROVER: 'Approver', CC: 'Copy recipient' };
const INDENT = 14;

/** Appends the signature page(s) to `doc`; returns how many pages were added. */
export async function addSignaturePages(
  doc: PDFDocument,
  fonts: EvidenceFonts,
  input: EvidencePagesInput,
): Promise<number> {
  const layout = createPageLayout(doc, fonts);
  const at = (iso: string) => formatDateTime(iso, input.senderTimeZone);
  layout.text('Signature page', { size: 18, bold: true });
  layout.gap(6);
  layout.text(`Subject: ${input.subject}`, { size: 11 });
  if (input.documentName) layout.text(`Document: ${input.documentName}`);
  layout.text(`Envelope: ${input.envelopeId}`);
  layout.text(`Completed: ${at(input.completedAt)}`);
  layout.gap(12);
  for (const [index, line] of input.signatures.entries()) {
    await addSignatureBlock(doc, layout, index + 1, line, at);
  }
  layout.gap(6);
  layout.text('SHA-256 of the original document', { bold: true });
  layout.text(input.originalSha256, { size: 9 });
  layout.gap(6);
  layout.text(
    'The pages before the signature page are the original document, byte for byte unchanged (earlier PDF ' +
      'revision). The audit trail follows. Signet seals the whole file with its platform certificate.',
    { size: 8, grey: true },
  );
  layout.finish(`Signet envelope ${input.envelopeId} · signature page`);
  return layout.pages.length;
}

const AUTH_LABEL: Partial<Record<AuthMethod, string>> = {
  LINK: 'personal e-mail link',
  EMAIL_OTP: 'e-mail link and one-time code',
  MICROSOFT: 'e-mail link and Microsoft sign-in',
  STRONG: 'e-mail link and strong electronic identification',
};

async function addSignatureBlock(
  doc: PDFDocument,
  layout: PageLayout,
  number: number,
  line: EvidenceSignature,
  at: (iso: string) => string,
): Promise<void> {
  layout.keepTogether(line.drawnSignaturePng ? 170 : 100);
  layout.text(`${number}. ${line.name}`, { size: 12, bold: true });
  layout.text(`E-mail: ${line.email}`, { indent: INDENT });
  layout.text(`Role: ${ROLE_LABEL[line.role] ?? line.role}    Action: ${ACTION_LABEL[line.action]}`, {
    indent: INDENT,
  });
  if (line.onBehalfOf) layout.text(`On behalf of: ${line.onBehalfOf}`, { indent: INDENT });
  layout.text(`Time: ${at(line.at)}`, { indent: INDENT });
  layout.text(`Authentication: ${AUTH_LABEL[line.authMethod] ?? line.authMethod}`, { indent: INDENT });
  if (line.identity) {
    const who = [line.identity.name, line.identity.email].filter(Boolean).join(', ');
    layout.text(`Identity confirmed by ${line.identity.issuer}${who ? `: ${who}` : ''}`, { indent: INDENT });
    if (line.identity.nationalIdMasked) {
      layout.text(`National identity number: ${line.identity.nationalIdMasked}`, { indent: INDENT });
    }
  }
  if (line.signatureText) {
    const label = line.signatureKind === 'DRAWN' || line.signatureKind === 'UPLOADED' ? 'Name' : 'Typed signature';
    layout.text(`${label}: ${line.signatureText}`, { indent: INDENT });
  }
  if (line.drawnSignaturePng) {
    layout.text(line.signatureKind === 'UPLOADED' ? 'Signature (uploaded image):' : 'Drawn signature:', {
      indent: INDENT,
    });
    layout.image(await embedSignaturePng(doc, line.drawnSignaturePng), {
      maxWidth: 220,
      maxHeight: 70,
      indent: INDENT,
    });
  }
  layout.gap(10);
}
