// A hand-made one-page PDF with a signature placeholder, signed in-test with `openssl cms -sign -binary -cades`
// over its byte ranges. openssl always adds a CMS signing-time, so the level is `none` (PAdES forbids it); the
// baseline levels are covered by test/src/pdf/verify.test.ts with Signet's own sealer.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppErrorCode } from '../../errors/app-error';
import { verifyPdf } from './verify-pdf';

const run = promisify(execFile);
const CONTENTS_BYTES = 8192;
const PLACEHOLDER = '[0 ********** ********** **********]';

let dir: string;
let certPem: string;

function buildPlaceholderPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>',
    '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Unit \\(test\\) seal) /V 5 0 R /Rect [0 0 0 0] /P 3 0 R >>',
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M (D:20300101120000Z) /ByteRange ${PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}> >>`,
  ];
  let text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(text, 'latin1'));
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

async function signPdf(): Promise<Buffer> {
  const pdf = buildPlaceholderPdf();
  const contentsStart = pdf.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + CONTENTS_BYTES * 2 + 2;
  const range = `[0 ${contentsStart} ${contentsEnd} ${pdf.length - contentsEnd}]`.padEnd(PLACEHOLDER.length, ' ');
  pdf.write(range, pdf.indexOf(PLACEHOLDER), 'latin1');
  const data = path.join(dir, 'signed-ranges.bin');
  await writeFile(data, Buffer.concat([pdf.subarray(0, contentsStart), pdf.subarray(contentsEnd)]));
  const der = path.join(dir, 'signature.der');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  await run(
    'openssl',
    ['cms', '-sign', '-binary', '-cades', '-outform', 'DER', '-md', 'sha256'].concat([
      '-in',
      data,
      '-out',
      der,
      '-signer',
      cert,
      '-inkey',
      key,
    ]),
  );
  pdf.write((await readFile(der)).toString('hex'), contentsStart + 1, 'latin1');
  return pdf;
}

/** An incremental update adding `body` as object 6 (its xref is not needed by the byte-level verifier). */
function appendRevision(pdf: Buffer, body: string): Buffer {
  return Buffer.concat([pdf, Buffer.from(`6 0 obj\n${body}\nendobj\ntrailer\n<< /Size 7 /Root 1 0 R >>\n%%EOF\n`)]);
}

let signed: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signet-verify-'));
  await run(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
      .concat(['-subj', '/CN=Unit Signer/O=Signet Test/C=FI', '-days', '2', '-keyout', path.join(dir, 'key.pem')])
      .concat(['-out', path.join(dir, 'cert.pem')]),
  );
  certPem = await readFile(path.join(dir, 'cert.pem'), 'utf8');
  signed = await signPdf();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('verifyPdf', () => {
  it('reports a signature that verifies over its byte ranges, with field, signer, time and trust', async () => {
    const report = await verifyPdf(signed, { trustedRoots: [certPem] });
    expect(report.revisions).toBe(1);
    expect(report.recipients).toBeUndefined();
    expect(report.signatures).toEqual([
      expect.objectContaining({
        kind: 'signature',
        fieldName: 'Unit (test) seal',
        subFilter: 'ETSI.CAdES.detached',
        signerSubject: 'CN=Unit Signer, O=Signet Test, C=FI',
        valid: true,
        claimedTime: '2030-01-01T12:00:00.000Z',
        level: 'none',
        trusted: true,
        modifiedAfter: 'none',
      }),
    ]);
    expect(report.signatures[0]?.timestamp).toBeUndefined();
  });

  it('omits trust without roots and reports untrusted for another root', async () => {
    expect((await verifyPdf(signed)).signatures[0]?.trusted).toBeUndefined();
    const other = await otherRoot();
    expect((await verifyPdf(signed, { trustedRoots: [other] })).signatures[0]?.trusted).toBe(false);
  });

  it('reports a changed signed byte as invalid', async () => {
    const tampered = Buffer.from(signed);
    tampered[tampered.indexOf('MediaBox [0 0 200') + 'MediaBox [0 0 '.length] = '3'.charCodeAt(0);
    const [signature] = (await verifyPdf(tampered)).signatures;
    expect(signature).toMatchObject({ valid: false, problem: 'the signed bytes were changed' });
  });

  it('tells DSS-only updates from other changes after the signature', async () => {
    const dss = appendRevision(signed, '<< /Certs [] /OCSPs [] >>\n1 0 obj\n<< /Type /Catalog /DSS 6 0 R >>');
    expect((await verifyPdf(dss)).signatures[0]?.modifiedAfter).toBe('ltv-only');
    const edited = appendRevision(signed, '<< /Type /Page /Parent 2 0 R >>');
    const report = await verifyPdf(edited);
    expect(report.revisions).toBe(2);
    expect(report.signatures[0]).toMatchObject({ valid: true, modifiedAfter: 'other' });
  });

  it('rejects non-PDF and empty input with the catalogue codes', async () => {
    await expect(verifyPdf(Buffer.from('hello'))).rejects.toMatchObject({ code: AppErrorCode.NOT_A_PDF });
    await expect(verifyPdf(Buffer.alloc(0))).rejects.toMatchObject({ code: AppErrorCode.INVALID_DOCUMENT });
    await expect(verifyPdf(Buffer.from('%PDF-1.7\n'))).rejects.toMatchObject({ code: AppErrorCode.INVALID_DOCUMENT });
  });

  it('reads recipients from an embedded audit JSON', async () => {
    const json = JSON.stringify({ recipients: [{ name: 'Øyvind', email: 'o@example.com', role: 'SIGNER', x: 1 }] });
    const body = `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${Buffer.byteLength(json)} >>\nstream\n${json}\nendstream`;
    const report = await verifyPdf(appendRevision(signed, body));
    expect(report.recipients).toEqual([{ name: 'Øyvind', email: 'o@example.com', role: 'SIGNER' }]);
  });
});

async function otherRoot(): Promise<string> {
  const out = path.join(dir, 'other.pem');
  await run(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
      '-subj',
      '/CN=Other Root',
      '-days',
      '2',
      '-keyout',
      path.join(dir, 'other.key'),
      '-out',
      out,
    ]),
  );
  return readFile(out, 'utf8');
}
