import type { TEnvelopeWorkflowInput, TTemplate, TTemplateList, TTemplateRequestInput } from '@signet/shared';
import type { TemplateTestApp } from './template-test-app';
import { createTemplateTestApp } from './template-test-app';

const SAM = 'sam@example.com';

/** A contract template: the customer first, then a fixed co-signer from the company. */
const CONTRACT: TTemplateRequestInput = {
  name: 'Customer contract',
  description: 'Customer signs first, then our CFO',
  settings: {
    recipients: [
      { label: 'Customer', role: 'SIGNER', authentication: 'EMAIL_OTP', locale: 'fi' },
      { label: 'CFO', role: 'SIGNER', email: 'cfo@example.com', name: 'Carla CFO' },
      { label: 'Archive', role: 'CC' },
    ],
    subject: 'Your contract',
    message: 'Please sign.',
    expiresIn: '14d',
    expiryWarning: '2d',
    reminders: { firstAfter: '3d', every: '2d', max: 3 },
    allowDelegation: false,
    locale: 'sv',
  },
};

describe('templates', () => {
  let t: TemplateTestApp;
  let sam: Record<string, string>;
  let other: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTemplateTestApp();
    sam = await t.senderKey(SAM);
    other = await t.senderKey('olga@example.com');
    admin = await t.adminKey();
  });
  afterAll(async () => t.close());

  async function create(body: unknown, headers = sam): Promise<{ status: number; json: TTemplate }> {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/templates', headers, payload: body as object });
    return { status: response.statusCode, json: response.json<TTemplate>() };
  }

  it('saves, reads, lists, replaces and deletes a template for its owner', async () => {
    const created = await create({ ...CONTRACT, name: 'crud' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ owner: SAM, name: 'crud', settings: { routing: 'SEQUENTIAL' } });
    expect(created.json.settings.recipients[0]).toMatchObject({ label: 'Customer', recordNationalId: false });
    const id = created.json.id;

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/templates/${id}`, headers: sam });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(created.json);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/templates', headers: sam });
    expect(list.json<TTemplateList>().templates.map((x) => x.id)).toContain(id);

    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/templates/${id}`,
      headers: sam,
      payload: { ...CONTRACT, name: 'crud renamed' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id, name: 'crud renamed', description: CONTRACT.description });

    const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/templates/${id}`, headers: sam });
    expect(gone.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/templates/${id}`, headers: sam });
    expect(after.statusCode).toBe(404);
    expect(after.json()).toMatchObject({ error: { code: 'TEMPLATE_NOT_FOUND' } });
  });

  it('hides a template from other senders (404, as if it did not exist) but not from admins', async () => {
    const { json } = await create({ ...CONTRACT, name: 'private' });
    const url = `/api/v1/templates/${json.id}`;
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: other,
        payload: method === 'PUT' ? CONTRACT : undefined,
      });
      expect({
        method,
        status: response.statusCode,
        code: response.json<{ error?: { code: string } }>().error?.code,
      }).toEqual({
        method,
        status: 404,
        code: 'TEMPLATE_NOT_FOUND',
      });
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/templates', headers: other });
    expect(list.json<TTemplateList>().templates.map((x) => x.id)).not.toContain(json.id);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).statusCode).toBe(200);
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/templates', headers: admin });
    expect(all.json<TTemplateList>().templates.map((x) => x.id)).toContain(json.id);
  });

  it('refuses a second template of the same name for the same owner (409), allows it for another', async () => {
    expect((await create({ ...CONTRACT, name: 'twice' })).status).toBe(201);
    const again = await create({ ...CONTRACT, name: 'twice' });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: { code: 'TEMPLATE_NAME_TAKEN' } });
    expect((await create({ ...CONTRACT, name: 'twice' }, other)).status).toBe(201);
  });

  it.each([
    ['a duplicate label', { recipients: [{ label: 'A' }, { label: 'a' }] }, 400, 'VALIDATION_FAILED'],
    ['a bad fixed e-mail', { recipients: [{ label: 'A', email: 'nope' }] }, 400, 'INVALID_EMAIL'],
    ['no signer', { recipients: [{ label: 'A', role: 'CC' }] }, 400, 'NO_ACTING_RECIPIENT'],
    ['a bad duration', { recipients: [{ label: 'A' }], expiresIn: 'soon' }, 400, 'INVALID_DURATION'],
    [
      'recordNationalId without STRONG',
      { recipients: [{ label: 'A', recordNationalId: true }] },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown field', { recipients: [{ label: 'A' }], colour: 'red' }, 400, 'VALIDATION_FAILED'],
    // PostgreSQL cannot store U+0000: refused as input, not a database 500.
    ['a NUL character', { recipients: [{ label: 'A\u0000' }] }, 400, 'VALIDATION_FAILED'],
    ['an unpaired surrogate', { recipients: [{ label: 'A' }], message: 'x\ud800y' }, 400, 'VALIDATION_FAILED'],
  ])('refuses settings with %s', async (_label, settings, status, code) => {
    const before = await t.database.db.query('SELECT count(*)::int AS n FROM templates');
    const response = await create({ name: `bad ${String(_label)}`, settings });
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ error: { code } });
    expect(await t.database.db.query('SELECT count(*)::int AS n FROM templates')).toEqual(before);
  });

  describe('POST /api/v1/envelopes with templateId', () => {
    let templateId: string;
    beforeAll(async () => {
      templateId = (await create({ ...CONTRACT, name: 'for envelopes' })).json.id;
    });

    function lastStart(): TEnvelopeWorkflowInput {
      const start = t.temporal.starts.at(-1);
      return (start?.options.args as TEnvelopeWorkflowInput[])[0] as TEnvelopeWorkflowInput;
    }

    async function send(body: Record<string, unknown>, headers = sam) {
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/envelopes',
        headers,
        payload: { templateId, sender: { email: SAM }, documents: [{ libraryPath: 'contracts/nda.pdf' }], ...body },
      });
    }

    it('fills the open placeholders in order; the template supplies the rest', async () => {
      const response = await send({
        recipients: [{ email: 'cust@example.com', name: 'Cust' }, { email: 'archive@example.com' }],
      });
      expect(response.statusCode).toBe(201);
      const input = lastStart();
      expect(input.subject).toBe('Your contract');
      expect(input.message).toBe('Please sign.');
      expect(input.allowDelegation).toBe(false);
      expect(input.expiresAt).toBe(new Date(Date.parse('2030-01-01T00:00:00Z') + 14 * 86_400_000).toISOString());
      expect(input.expiryWarningMs).toBe(2 * 86_400_000);
      expect(input.reminders).toEqual({ firstAfterMs: 3 * 86_400_000, everyMs: 2 * 86_400_000, max: 3 });
      expect(input.recipients.map((r) => [r.email, r.role, r.routingOrder, r.authentication, r.locale])).toEqual([
        ['cust@example.com', 'SIGNER', 1, 'EMAIL_OTP', 'fi'],
        ['cfo@example.com', 'SIGNER', 2, undefined, 'sv'],
        ['archive@example.com', 'CC', 3, undefined, 'sv'],
      ]);
    });

    it('fills placeholders by label, and explicit request fields win over the template', async () => {
      const response = await send({
        subject: 'Explicit subject',
        allowDelegation: true,
        reminders: false,
        recipients: [
          { placeholder: 'archive', email: 'arch@example.com' },
          { placeholder: 'Customer', email: 'c2@example.com', authentication: 'LINK', locale: 'en' },
        ],
      });
      expect(response.statusCode).toBe(201);
      const input = lastStart();
      expect(input.subject).toBe('Explicit subject');
      expect(input.allowDelegation).toBe(true);
      expect(input.reminders).toBeNull();
      expect(input.recipients.map((r) => [r.email, r.authentication, r.locale])).toEqual([
        ['c2@example.com', undefined, 'en'],
        ['cfo@example.com', undefined, 'sv'],
        ['arch@example.com', undefined, 'sv'],
      ]);
    });

    it.each([
      ['too few recipients', [{ email: 'a@example.com' }]],
      ['too many recipients', [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }]],
      ['an unknown placeholder', [{ placeholder: 'Boss', email: 'a@example.com' }]],
      ['an unfilled placeholder', [{ placeholder: 'Customer', email: 'a@example.com' }]],
      ['labels for some only', [{ placeholder: 'Customer', email: 'a@example.com' }, { email: 'b@example.com' }]],
    ])('answers 400 TEMPLATE_RECIPIENTS_MISMATCH for %s and starts nothing', async (_label, recipients) => {
      const starts = t.temporal.starts.length;
      const response = await send({ recipients });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'TEMPLATE_RECIPIENTS_MISMATCH' } });
      expect(t.temporal.starts.length).toBe(starts);
    });

    it("does not let another sender use (or detect) someone's template", async () => {
      const starts = t.temporal.starts.length;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/envelopes',
        headers: other,
        payload: {
          templateId,
          sender: { email: 'olga@example.com' },
          documents: [{ libraryPath: 'contracts/terms.pdf' }],
          recipients: [{ email: 'x@example.com' }, { email: 'y@example.com' }],
        },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'TEMPLATE_NOT_FOUND' } });
      expect(t.temporal.starts.length).toBe(starts);
    });

    it('keeps plain requests (no templateId) exactly as before', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/envelopes',
        headers: sam,
        payload: {
          subject: 'Plain',
          sender: { email: SAM },
          documents: [{ libraryPath: 'contracts/terms.pdf' }],
          recipients: [{ email: 'p@example.com' }],
        },
      });
      expect(response.statusCode).toBe(201);
      expect(lastStart().subject).toBe('Plain');
    });
  });
});
