import type { SignatureReport, VerifyReport } from '@signet/shared/node';
import { formatTime } from './text';

const CHANGES: Record<SignatureReport['modifiedAfter'], string> = {
  none: 'no',
  'ltv-only': 'only validation data (DSS / document timestamp)',
  other: 'YES - the document changed after this signature',
};

function formatSignature(signature: SignatureReport, index: number): string {
  const title = signature.kind === 'document-timestamp' ? 'Document timestamp' : 'Signature';
  const trust = signature.trusted === undefined ? [] : [`  Trusted:        ${signature.trusted ? 'yes' : 'no'}`];
  return [
    `${title} ${index + 1}: ${signature.fieldName ?? '(unnamed field)'}`,
    `  Signer:         ${signature.signerSubject ?? '-'}`,
    `  Signature:      ${signature.valid ? 'valid' : `INVALID (${signature.problem ?? 'unknown problem'})`}`,
    ...trust,
    `  Level:          ${signature.level === 'none' ? '-' : `PAdES ${signature.level}`}`,
    `  Claimed time:   ${formatTime(signature.claimedTime)}`,
    `  Timestamp:      ${signature.timestamp ? `${formatTime(signature.timestamp)} UTC` : 'none'}`,
    `  Modified after: ${CHANGES[signature.modifiedAfter]}`,
  ].join('\n');
}

/** The verdict: every signature valid (and trusted, when checked) and nothing but validation data added after. */
export function verdictOf(report: VerifyReport): string {
  if (report.signatures.length === 0) return 'Verdict: NOT SIGNED - the document has no signatures.';
  const bad = report.signatures.filter(
    (s) => !s.valid || s.trusted === false || (s.modifiedAfter === 'other' && s.kind === 'signature'),
  );
  if (bad.length === 0) return `Verdict: OK - ${report.signatures.length} signature(s) valid, document unchanged.`;
  return `Verdict: FAILED - ${bad.length} of ${report.signatures.length} signature(s) invalid, untrusted or followed by changes.`;
}

/** One block per signature, the recipients of the embedded audit when present, then the verdict. */
export function formatVerifyReport(report: VerifyReport): string {
  const recipients = report.recipients
    ? [
        [
          'Recipients (embedded audit):',
          ...report.recipients.map((r) =>
            `  ${r.name ?? '-'} <${r.email ?? '-'}> ${r.role ?? ''} ${r.status ?? ''}`.trimEnd(),
          ),
        ].join('\n'),
      ]
    : [];
  return [...report.signatures.map(formatSignature), ...recipients, verdictOf(report)].join('\n\n');
}
