import type { SignatureReport, VerifyReport } from '@signet/shared/node';
import { main } from '../main';
import { createFakeRuntime, PDF } from '../test-support/fake-runtime';
import { formatVerifyReport } from './verify-report';

const SEAL: SignatureReport = {
  kind: 'signature',
  fieldName: 'Signet seal',
  subFilter: 'ETSI.CAdES.detached',
  signerSubject: 'CN=Signet Seal, O=Signet, C=FI',
  valid: true,
  claimedTime: '2030-01-01T12:00:00.000Z',
  timestamp: '2030-01-01T12:00:01.000Z',
  level: 'B-LT',
  trusted: true,
  modifiedAfter: 'ltv-only',
  byteRange: [0, 10, 20, 30],
};
const REPORT: VerifyReport = { revisions: 2, signatures: [SEAL] };

describe('formatVerifyReport', () => {
  it('prints one block per signature and an OK verdict', () => {
    expect(formatVerifyReport(REPORT)).toBe(
      [
        'Signature 1: Signet seal',
        '  Signer:         CN=Signet Seal, O=Signet, C=FI',
        '  Signature:      valid',
        '  Trusted:        yes',
        '  Level:          PAdES B-LT',
        '  Claimed time:   2030-01-01 12:00',
        '  Timestamp:      2030-01-01 12:00 UTC',
        '  Modified after: only validation data (DSS / document timestamp)',
        '',
        'Verdict: OK - 1 signature(s) valid, document unchanged.',
      ].join('\n'),
    );
  });

  it('fails the verdict for an invalid signature or later changes, and lists embedded recipients', () => {
    const text = formatVerifyReport({
      revisions: 3,
      signatures: [
        { ...SEAL, valid: false, problem: 'the signed bytes were changed', trusted: undefined, level: 'B-B' },
        { ...SEAL, fieldName: undefined, modifiedAfter: 'other', timestamp: undefined, level: 'none' },
      ],
      recipients: [{ name: 'Alice', email: 'alice@example.com', role: 'SIGNER', status: 'SIGNED' }],
    });
    expect(text).toContain('  Signature:      INVALID (the signed bytes were changed)');
    expect(text).not.toContain('Trusted:        yes\n  Level:          PAdES B-B');
    expect(text).toContain('Signature 2: (unnamed field)');
    expect(text).toContain('  Timestamp:      none');
    expect(text).toContain('  Modified after: YES - the document changed after this signature');
    expect(text).toContain('Recipients (embedded audit):\n  Alice <alice@example.com> SIGNER SIGNED');
    expect(text.endsWith('Verdict: FAILED - 2 of 2 signature(s) invalid, untrusted or followed by changes.')).toBe(
      true,
    );
  });

  it('says when there is nothing signed', () => {
    expect(formatVerifyReport({ revisions: 1, signatures: [] })).toBe(
      'Verdict: NOT SIGNED - the document has no signatures.',
    );
  });
});

describe('signet verify', () => {
  it('uploads the file to /verify and prints the report, or the JSON with --json', async () => {
    const runtime = createFakeRuntime({ files: { 'sealed.pdf': PDF }, answer: () => ({ status: 200, body: REPORT }) });
    expect(await main(['verify', 'sealed.pdf'], runtime)).toBe(0);
    expect(runtime.requests[0]?.url).toBe('http://api.test/api/v1/verify');
    expect((runtime.requests[0]?.body as FormData).get('file')).toBeInstanceOf(Blob);
    expect(runtime.output()).toContain('Verdict: OK');
    const json = createFakeRuntime({ files: { 'sealed.pdf': PDF }, answer: () => ({ status: 200, body: REPORT }) });
    expect(await main(['verify', 'sealed.pdf', '--json'], json)).toBe(0);
    expect(JSON.parse(json.output())).toEqual(REPORT);
  });
});
