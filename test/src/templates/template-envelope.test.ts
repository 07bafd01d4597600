import type { TEnvelopeView } from '@signet/shared';
import type { CapturedMail } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';

// A template on the real stack: saved in the API's PGlite database, merged into an upload, started on the
// Temporal dev server by the real worker, invitation through MailDev.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

async function upload(envelope: Record<string, unknown>): Promise<Response> {
  const form = new FormData();
  form.append('envelope', JSON.stringify(envelope));
  form.append('file', new Blob([new Uint8Array(await makePdf(1))], { type: 'application/pdf' }), 'order.pdf');
  return stack.api('/api/v1/envelopes/upload', { method: 'POST', body: form });
}

describe('an envelope from a template (real stack)', () => {
  it('fills the placeholder, adds the fixed co-signer, applies the saved settings and invites in order', async () => {
    const saved = await stack.api('/api/v1/templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Purchase order',
        settings: {
          recipients: [
            { label: 'Supplier', authentication: 'EMAIL_OTP' },
            { label: 'Buyer', email: 'buyer@example.com', name: 'Bea Buyer' },
          ],
          subject: 'Purchase order 2026',
          message: 'Please confirm the order.',
          expiresIn: '10d',
          allowDelegation: false,
        },
      }),
    });
    expect(saved.status).toBe(201);
    const { id: templateId } = (await saved.json()) as { id: string };

    const mismatch = await upload({ templateId, sender: { email: 'sam@example.com' }, recipients: [] });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ error: { code: 'TEMPLATE_RECIPIENTS_MISMATCH' } });

    const created = await upload({
      templateId,
      sender: { email: 'sam@example.com', name: 'Sam Sender' },
      recipients: [{ email: 'supplier@example.com', name: 'Sid Supplier' }],
    });
    expect(created.status).toBe(201);
    const { envelopeId } = (await created.json()) as { envelopeId: string };

    const view = (await (await stack.api(`/api/v1/envelopes/${envelopeId}`)).json()) as TEnvelopeView;
    expect(view.subject).toBe('Purchase order 2026');
    expect(view.allowDelegation).toBe(false);
    expect(Date.parse(view.expiresAt) - Date.parse(view.createdAt)).toBe(10 * 86_400_000);
    expect(view.recipients.map((r) => [r.email, r.name, r.routingOrder])).toEqual([
      ['supplier@example.com', 'Sid Supplier', 1],
      ['buyer@example.com', 'Bea Buyer', 2],
    ]);

    const [invite] = await stack.mail.waitFor(to('supplier@example.com'));
    expect(invite!.subject).toContain('Purchase order 2026');
    expect((await stack.mail.all()).filter(to('buyer@example.com'))).toEqual([]);
  }, 60_000);
});
