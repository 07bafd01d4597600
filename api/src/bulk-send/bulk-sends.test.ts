import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TBulkProblem, TBulkSendCreated, TBulkSendView, TEnvelopeWorkflowInput } from '@signet/shared';
import { BULK_SEND_WORKFLOW_TYPE, ENVELOPE_WORKFLOW_TYPE } from '@signet/shared';
import type { TemplateTestApp } from '../templates/template-test-app';
import { createTemplateTestApp } from '../templates/template-test-app';
import { multipartBody } from '../test-support/multipart';

const SAM = 'sam@example.com';
const BULK = {
  sender: { email: SAM, name: 'Sam Sender' },
  subject: 'Contract for {{name}} at {{company}}',
  message: 'Hello {{name}}, please sign for {{Company}}.',
  documents: [{ libraryPath: 'contracts/nda.pdf' }],
};
const GOOD_CSV = [
  'email;name;company;locale',
  'ann@example.com;Ann;Acme;fi',
  'bob@example.com;Bob;"=HYPERLINK(""x"")";',
  'cy@example.com;Cy;"Beta; Inc.";sv',
].join('\n');

describe('/api/v1/bulk-sends', () => {
  let t: TemplateTestApp;
  let sam: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    t = await createTemplateTestApp();
    sam = await t.senderKey(SAM);
    other = await t.senderKey('olga@example.com');
    // Like the server: an envelope id can be started once.
    const started = new Set<string>();
    t.temporal.behaviour.start = async ({ workflowType, options }) => {
      const id = String(options.workflowId);
      if (started.has(id)) throw new WorkflowExecutionAlreadyStartedError('exists', id, workflowType);
      started.add(id);
      return Promise.resolve();
    };
  });
  afterAll(async () => t.close());

  async function post(bulk: unknown, csv: string, headers = sam) {
    const body = await multipartBody({ bulk: JSON.stringify(bulk) }, [
      { name: 'recipients', fileName: 'recipients.csv', bytes: Buffer.from(csv), type: 'text/csv' },
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/bulk-sends',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  }

  async function counts(): Promise<{ bulks: number; rows: number; starts: number }> {
    const [bulks] = await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_sends');
    const [rows] = await t.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_send_rows');
    return { bulks: bulks?.n ?? -1, rows: rows?.n ?? -1, starts: t.temporal.starts.length };
  }

  async function batch(id: string, from: number, count: number) {
    return t.app.inject({
      method: 'POST',
      url: `/internal/v1/bulk-sends/${id}/batches`,
      headers: t.internal,
      payload: { from, count },
    });
  }

  it('records a valid CSV, starts the bulk workflow, and its batches start one envelope per row', async () => {
    const response = await post(BULK, GOOD_CSV);
    expect(response.statusCode).toBe(202);
    const created = response.json<TBulkSendCreated>();
    expect(created.total).toBe(3);
    const start = t.temporal.starts.at(-1);
    expect(start?.workflowType).toBe(BULK_SEND_WORKFLOW_TYPE);
    expect(start?.options).toMatchObject({
      workflowId: `bulk-send-${created.id}`,
      args: [{ bulkId: created.id, total: 3 }],
    });

    const before = await t.app.inject({ method: 'GET', url: created.links.self, headers: sam });
    expect(before.json<TBulkSendView>()).toMatchObject({
      status: 'RUNNING',
      total: 3,
      started: 0,
      failed: 0,
      pending: 3,
    });

    const first = await batch(created.id, 0, 2);
    expect(first.json()).toEqual({ started: 2, failed: 0 });
    const second = await batch(created.id, 2, 1);
    expect(second.json()).toEqual({ started: 1, failed: 0 });

    const envelopes = t.temporal.starts
      .filter((s) => s.workflowType === ENVELOPE_WORKFLOW_TYPE)
      .map((s) => (s.options.args as TEnvelopeWorkflowInput[])[0] as TEnvelopeWorkflowInput)
      .filter((input) => input.envelopeId.startsWith(created.id));
    expect(envelopes.map((e) => [e.envelopeId, e.subject, e.recipients[0]?.email, e.recipients[0]?.locale])).toEqual([
      [`${created.id}-r2`, 'Contract for Ann at Acme', 'ann@example.com', 'fi'],
      [`${created.id}-r3`, 'Contract for Bob at =HYPERLINK("x")', 'bob@example.com', undefined],
      [`${created.id}-r4`, 'Contract for Cy at Beta; Inc.', 'cy@example.com', 'sv'],
    ]);
    expect(envelopes[0]?.message).toBe('Hello Ann, please sign for Acme.');
    // Each envelope has its own copy of the document, not the library original.
    const paths = envelopes.map((e) => e.documents[0]?.ref.path);
    expect(new Set(paths).size).toBe(3);
    expect(paths).not.toContain('contracts/nda.pdf');

    const after = await t.app.inject({ method: 'GET', url: `${created.links.self}?limit=2`, headers: sam });
    const view = after.json<TBulkSendView>();
    expect(view).toMatchObject({ status: 'COMPLETED', started: 3, failed: 0, pending: 0, nextOffset: 2 });
    expect(view.rows.map((r) => [r.row, r.status, r.envelopeId])).toEqual([
      [2, 'STARTED', `${created.id}-r2`],
      [3, 'STARTED', `${created.id}-r3`],
    ]);

    // A retried batch starts nothing twice and reports the same totals.
    const envelopeStarts = t.temporal.starts.length;
    expect((await batch(created.id, 0, 3)).json()).toEqual({ started: 3, failed: 0 });
    expect(t.temporal.starts.length).toBe(envelopeStarts);
  });

  it('counts a row whose envelope was already started (a batch retried after a crash) as started', async () => {
    const created = (await post(BULK, 'email,name,company\nzed@example.com,Zed,Z\n')).json<TBulkSendCreated>();
    // The envelope was started, but the row was never marked (the attempt died in between).
    await t.temporal.behaviour.start({
      workflowType: ENVELOPE_WORKFLOW_TYPE,
      options: { workflowId: `envelope-${created.id}-r2` },
    });
    const removed = t.library.removed.length;
    expect((await batch(created.id, 0, 1)).json()).toEqual({ started: 1, failed: 0 });
    // The copy made for the failed start is removed again: nothing is left behind.
    expect(t.library.removed.slice(removed)).toEqual([expect.stringMatching(/^uploads\/(\d+-)?2-nda\.pdf$/)]);
  });

  it('answers 400 BULK_INVALID listing every bad row with its number, and creates nothing', async () => {
    const before = await counts();
    const csv = [
      'email,name,company,locale',
      'ok@example.com,Ok,Acme,en',
      'not-an-address,Bad,Acme,en',
      'ok2@example.com,Ok2,Acme,xx',
      'OK@example.com,Dup,Acme,',
      ',Empty,Acme,',
    ].join('\n');
    const response = await post(BULK, csv);
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; details: { rows: TBulkProblem[] } } }>();
    expect(body.error.code).toBe('BULK_INVALID');
    expect(body.error.details.rows.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'email', 'INVALID_EMAIL'],
      [4, 'locale', 'INVALID_LOCALE'],
      [5, 'email', 'DUPLICATE_RECIPIENT'],
      [6, 'email', 'MISSING_EMAIL'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports unknown merge fields (header row) and documents that are missing or not PDFs, together', async () => {
    t.library.files.set('contracts/notes.txt', Buffer.from('plain text'));
    const before = await counts();
    const bulk = {
      ...BULK,
      subject: 'For {{name}} at {{shop}}',
      documents: [{ libraryPath: 'contracts/missing.pdf' }, { libraryPath: 'contracts/notes.txt' }],
    };
    const response = await post(bulk, 'email,name\na@example.com,A\n');
    expect(response.statusCode).toBe(400);
    const rows = response.json<{ error: { details: { rows: TBulkProblem[] } } }>().error.details.rows;
    expect(rows.map((p) => [p.row, p.field, p.code])).toEqual([
      [0, 'documents.0', 'DOCUMENT_NOT_FOUND'],
      [0, 'documents.1', 'NOT_A_PDF'],
      [1, 'subject', 'UNKNOWN_MERGE_FIELD'],
      [1, 'message', 'UNKNOWN_MERGE_FIELD'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL character in the bulk JSON with 400, not a database 500', async () => {
    const before = await counts();
    const response = await post({ ...BULK, message: 'a\u0000b' }, 'email,name,company\na@example.com,A,B\n');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await counts()).toEqual(before);
  });

  it('reports a merged subject that grows too long on its row', async () => {
    const long = 'x'.repeat(190);
    const response = await post(BULK, `email,name,company\na@example.com,A,B\nb@example.com,B,${long}\n`);
    expect(response.statusCode).toBe(400);
    const rows = response.json<{ error: { details: { rows: TBulkProblem[] } } }>().error.details.rows;
    expect(rows).toEqual([expect.objectContaining({ row: 3, code: 'VALIDATION_FAILED' })]);
  });

  it('uses a template: its fixed co-signer joins every envelope, the row fills the open placeholder', async () => {
    const template = await t.app.inject({
      method: 'POST',
      url: '/api/v1/templates',
      headers: sam,
      payload: {
        name: 'bulk template',
        settings: {
          recipients: [
            { label: 'Customer', authentication: 'EMAIL_OTP' },
            { label: 'CFO', email: 'cfo@example.com' },
          ],
          subject: 'Template subject for {{name}}',
          expiresIn: '7d',
        },
      },
    });
    const templateId = template.json<{ id: string }>().id;
    const response = await post(
      { templateId, sender: BULK.sender, documents: BULK.documents },
      'email,name\nt@example.com,Tia\n',
    );
    expect(response.statusCode).toBe(202);
    const { id } = response.json<TBulkSendCreated>();
    await batch(id, 0, 1);
    const input = (t.temporal.starts.at(-1)?.options.args as TEnvelopeWorkflowInput[])[0];
    expect(input?.subject).toBe('Template subject for Tia');
    expect(input?.recipients.map((r) => [r.email, r.authentication])).toEqual([
      ['t@example.com', 'EMAIL_OTP'],
      ['cfo@example.com', undefined],
    ]);
  });

  it('lets a sender send only as themselves, and shows a bulk send to its owner only', async () => {
    const foreign = await post({ ...BULK, sender: { email: 'someone@example.com' } }, GOOD_CSV);
    expect(foreign.statusCode).toBe(403);
    const created = (await post(BULK, 'email,name,company\nq@example.com,Q,Acme\n')).json<TBulkSendCreated>();
    const hidden = await t.app.inject({ method: 'GET', url: created.links.self, headers: other });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { code: 'BULK_SEND_NOT_FOUND' } });
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/bulk-sends', headers: sam });
    expect(mine.json<{ bulkSends: Array<{ id: string }> }>().bulkSends.map((b) => b.id)).toContain(created.id);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/v1/bulk-sends', headers: other });
    expect(theirs.json<{ bulkSends: unknown[] }>().bulkSends).toEqual([]);
    const admin = await t.app.inject({ method: 'GET', url: created.links.self, headers: t.operator });
    expect(admin.statusCode).toBe(200);
  });

  it('refuses the internal batch route without the service token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/internal/v1/bulk-sends/whatever1/batches',
      headers: sam,
      payload: { from: 0, count: 1 },
    });
    expect(response.statusCode).toBe(401);
  });

  it('deletes the record again when the workflow cannot be started', async () => {
    const before = await counts();
    const start = t.temporal.behaviour.start;
    t.temporal.behaviour.start = async () => Promise.reject(new Error('connection refused'));
    try {
      const response = await post(BULK, 'email,name,company\nr@example.com,R,Acme\n');
      expect(response.statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      t.temporal.behaviour.start = start;
    }
    const after = await counts();
    expect([after.bulks, after.rows]).toEqual([before.bulks, before.rows]);
  });
});

describe('GET /api/v1/bulk-sends/:id/rows.csv', () => {
  let t: TemplateTestApp;
  afterAll(async () => t.close());

  it('reports every row as CSV with formula-like values neutralised, for the owner only', async () => {
    t = await createTemplateTestApp();
    const sam = await t.senderKey(SAM);
    const body = await multipartBody(
      { bulk: JSON.stringify({ ...BULK, subject: 'Hi {{name}}', message: undefined }) },
      [
        {
          name: 'recipients',
          fileName: 'r.csv',
          bytes: Buffer.from('email,name\n+tag@example.com,Plus\n=x@example.com,Eq\n'),
          type: 'text/csv',
        },
      ],
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bulk-sends',
      headers: { ...sam, ...body.headers },
      payload: body.payload,
    });
    expect(created.statusCode).toBe(202);
    const { id } = created.json<TBulkSendCreated>();
    const report = await t.app.inject({ method: 'GET', url: `/api/v1/bulk-sends/${id}/rows.csv`, headers: sam });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.body.split('\r\n')).toEqual([
      '\uFEFF"row","email","status","envelopeId","errorCode"',
      `"2","'+tag@example.com","PENDING","",""`,
      `"3","'=x@example.com","PENDING","",""`,
      '',
    ]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/bulk-sends/${id}/rows.csv`,
      headers: await t.senderKey('olga@example.com'),
    });
    expect(other.statusCode).toBe(404);
  });
});
