import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { TEnvelopeView } from '@signet/shared';
import { linkTokenOf } from '../support/mail-server';
import type { CapturedMail } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { verifyPdf } from '@signet/shared/node';
import { eventually } from '../support/eventually';
import { expectLongTermValid } from '../support/expect-long-term-valid';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';

// Acceptance of the foundation: the real Temporal dev server, the real worker with its real activities,
// a real SMTP server (MailDev), the real API and the local-folder library. Nothing here is mocked.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

async function upload(envelope: Record<string, unknown>, file: Buffer, fileName = 'agreement.pdf'): Promise<Response> {
  const form = new FormData();
  form.append('envelope', JSON.stringify(envelope));
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), fileName);
  return stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
}

async function statusOf(envelopeId: string): Promise<TEnvelopeView> {
  const response = await stack.api(`/api/v1/envelopes/${envelopeId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TEnvelopeView;
}

describe('send to two sequential signers and sign both (real stack)', () => {
  it('invites in order, signs through the API, stores the signed copy beside the original and mails everyone', async () => {
    const original = await makePdf(2);
    const created = await upload(
      {
        subject: 'Service agreement 2026',
        message: 'Please sign by Friday.',
        sender: { email: 'sam@example.com', name: 'Sam Sender' },
        recipients: [
          { email: 'alice@example.com', name: 'Alice Ääkkönen' },
          { email: 'bob@example.com', name: 'Bob Builder' },
        ],
        expiresIn: '14d',
      },
      original,
    );
    expect(created.status).toBe(201);
    const { envelopeId } = (await created.json()) as { envelopeId: string };

    // Only Alice is invited at first.
    const [aliceInvite] = await stack.mail.waitFor(to('alice@example.com'));
    expect(aliceInvite!.subject).toContain('Service agreement 2026');
    expect((await stack.mail.all()).filter(to('bob@example.com'))).toHaveLength(0);
    const aliceToken = linkTokenOf(aliceInvite!);

    // Alice opens her link (recorded as VIEWED) and signs.
    const view = await fetch(`${stack.apiUrl}/api/v1/recipient/${aliceToken}`);
    expect(view.status).toBe(200);
    const signed = await fetch(`${stack.apiUrl}/api/v1/recipient/${aliceToken}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signatureText: 'Alice Ääkkönen', consent: true }),
    });
    expect(signed.status).toBe(200);
    // Her link is useless once she has acted.
    const again = await fetch(`${stack.apiUrl}/api/v1/recipient/${aliceToken}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signatureText: 'Signer', consent: true }),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('ALREADY_ACTED');

    // Now Bob is invited, and signs.
    const [bobInvite] = await stack.mail.waitFor(to('bob@example.com'));
    const bobToken = linkTokenOf(bobInvite!);
    expect(bobToken).not.toBe(aliceToken);
    const bobSigned = await fetch(`${stack.apiUrl}/api/v1/recipient/${bobToken}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signatureText: 'Signer', consent: true }),
    });
    expect(bobSigned.status).toBe(200);

    // The envelope completes: signed copy beside the original, sidecar status, completion mails with the copy.
    let final: TEnvelopeView | undefined;
    await eventually(async () => {
      final = await statusOf(envelopeId);
      expect(final.status).toBe('COMPLETED');
      expect(final.finalising).toBe(false);
    }, 30_000);
    const document = final!.documents[0]!;
    const originalPath = path.join(stack.libraryRoot, document.ref.path);
    const signedPath = path.join(stack.libraryRoot, document.signedCopyRef!.path);
    expect(path.dirname(signedPath)).toBe(path.dirname(originalPath));
    expect(path.basename(signedPath)).toBe('agreement.signed.pdf');
    expect(await readFile(originalPath)).toEqual(original);
    const sealed = await readFile(signedPath);
    // The original's two pages, then the signature page and the audit trail, appended without touching its bytes.
    expect((await PDFDocument.load(sealed)).getPageCount()).toBeGreaterThanOrEqual(4);
    expect(sealed.subarray(0, original.length).equals(original)).toBe(true);
    expect(createHash('sha256').update(sealed).digest('hex')).toBe(document.sealedSha256);
    expect(createHash('sha256').update(original).digest('hex')).toBe(document.originalSha256);
    expect(final!.audit.find((e) => e.type === 'SEALED')?.details).toMatchObject({ level: 'B-LT' });
    // Every independent validator accepts the seal at B-LT from the file alone (the PKI's services are stopped;
    // the remaining tests in this file complete no envelope). pyHanko validates just after the claimed time.
    await stack.sealing.stop();
    const claimed = (await verifyPdf(sealed)).signatures[0]?.claimedTime;
    expect(claimed).toBeDefined();
    // The audit trail downloads as JSON, every event included.
    const audit = await stack.api(`/api/v1/envelopes/${envelopeId}/audit.json`);
    expect(audit.status).toBe(200);
    expect(audit.headers.get('content-disposition')).toBe(`attachment; filename="audit-${envelopeId}.json"`);
    const trail = (await audit.json()) as { format: string; envelopeId: string; events: Array<{ type: string }> };
    expect(trail).toMatchObject({ format: 'signet-audit-trail', envelopeId });
    expect(trail.events.map((e) => e.type)).toEqual(expect.arrayContaining(['SENT', 'SIGNED', 'SEALED', 'COMPLETED']));
    expect((await stack.api('/api/v1/envelopes/no-such-envelope/audit.json')).status).toBe(404);
    const auditPdf = await stack.api(`/api/v1/envelopes/${envelopeId}/audit.pdf`);
    expect(auditPdf.status).toBe(200);
    expect(auditPdf.headers.get('content-type')).toBe('application/pdf');
    const auditPages = await PDFDocument.load(new Uint8Array(await auditPdf.arrayBuffer()));
    expect(auditPages.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(auditPages.getTitle()).toContain('Audit trail');
    // The API's verify reads the recipients from the evidence JSON inside the seal.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(sealed)], { type: 'application/pdf' }), 'agreement.signed.pdf');
    const verified = await stack.api('/api/v1/verify', { method: 'POST', body: form });
    expect(verified.status).toBe(200);
    const report = (await verified.json()) as { recipients?: Array<{ email?: string; status?: string }> };
    expect(report.recipients?.map((r) => [r.email, r.status])).toEqual([
      ['alice@example.com', 'SIGNED'],
      ['bob@example.com', 'SIGNED'],
    ]);
    await expectLongTermValid(
      signedPath,
      stack.sealing.pki.root.cert,
      new Date(Date.parse(claimed!) + 5_000),
      'PAdES-BASELINE-LT',
    );
    // The sidecar is written by the status sync that follows completion: poll for it.
    await eventually(async () => {
      const sidecar = JSON.parse(await readFile(`${originalPath}.signet.json`, 'utf8')) as {
        status: string;
        signedCopyPath: string;
      };
      expect(sidecar).toMatchObject({ status: 'COMPLETED', signedCopyPath: document.signedCopyRef!.path });
    });

    for (const address of ['alice@example.com', 'bob@example.com', 'sam@example.com']) {
      const mails = await stack.mail.waitFor((m) => to(address)(m) && /complete/i.test(m.subject));
      expect(mails[0]!.attachments?.map((a) => a.fileName)).toEqual(['agreement.signed.pdf']);
    }
    expect(final!.audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['SENT', 'INVITED', 'VIEWED', 'SIGNED', 'SEALED', 'STORED', 'DELIVERED', 'COMPLETED']),
    );
    expect(final!.recipients.map((r) => [r.email, r.status])).toEqual([
      ['alice@example.com', 'SIGNED'],
      ['bob@example.com', 'SIGNED'],
    ]);

    // After completion the old links say so, with a code.
    const late = await fetch(`${stack.apiUrl}/api/v1/recipient/${bobToken}/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signatureText: 'Signer', consent: true }),
    });
    expect(((await late.json()) as { error: { code: string } }).error.code).toMatch(/ENVELOPE_COMPLETED|ALREADY_ACTED/);
    expect(existsSync(signedPath)).toBe(true);
  });

  it('a forged or tampered link is refused with INVALID_TOKEN', async () => {
    const response = await fetch(`${stack.apiUrl}/api/v1/recipient/v1.e30.AAAA/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ signatureText: 'Signer', consent: true }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_TOKEN');
  });

  it('sender endpoints refuse callers without the API token', async () => {
    const response = await fetch(`${stack.apiUrl}/api/v1/envelopes`);
    expect(response.status).toBe(401);
  });
});
