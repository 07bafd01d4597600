import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TBulkProblem, TBulkSendCreated, TBulkSendView, TEnvelopeView } from '@signet/shared';
import { BULK_SEND_WORKFLOW_TYPE, bulkSendWorkflowId } from '@signet/shared';
import { bulkSendProgressQuery } from '@signet/workflows';
import { eventually } from '../support/eventually';
import type { CapturedMail } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';

// Bulk send on the real stack: Temporal dev server, the worker (its startBulkSendBatch activity calls the API's
// /internal/v1 route with SIGNET_INTERNAL_TOKEN), MailDev, the API with its PGlite database. Nothing mocked.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  await mkdir(path.join(stack.libraryRoot, 'offers'), { recursive: true });
  await writeFile(path.join(stack.libraryRoot, 'offers', 'offer.pdf'), await makePdf(1));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const SENDER = { email: 'sam@example.com', name: 'Sam Sender' };
const to = (address: string) => (mail: CapturedMail) => mail.to.some((t) => t.address === address);

async function postBulk(bulk: unknown, csv: string): Promise<Response> {
  const form = new FormData();
  form.append('bulk', JSON.stringify(bulk));
  form.append('recipients', new Blob([csv], { type: 'text/csv' }), 'recipients.csv');
  return stack.api('/api/v1/bulk-sends', { method: 'POST', body: form });
}

async function tableCounts(): Promise<number[]> {
  const [bulks] = await stack.database.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_sends');
  const [rows] = await stack.database.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk_send_rows');
  return [bulks?.n ?? -1, rows?.n ?? -1];
}

async function bulkWorkflowCount(): Promise<number> {
  let count = 0;
  for await (const _execution of stack.env.client.workflow.list({
    query: `WorkflowType = '${BULK_SEND_WORKFLOW_TYPE}'`,
  })) {
    count += 1;
  }
  return count;
}

describe('bulk send (real stack)', () => {
  let templateId: string;

  beforeAll(async () => {
    const response = await stack.api('/api/v1/templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Offer',
        settings: {
          recipients: [{ label: 'Customer' }],
          message: 'Dear {{name}}, here is your offer.',
          expiresIn: '7d',
        },
      }),
    });
    expect(response.status).toBe(201);
    templateId = ((await response.json()) as { id: string }).id;
  });

  it('starts one envelope per CSV row with the merged subject in each invitation, and progress reaches the total', async () => {
    const csv = [
      '\uFEFFemail;name;company',
      'ann@example.com;Ann;Acme',
      'bob@example.com;<b>Bob</b>;"Beta; Inc."',
      'cy@example.com;Cy;=1+2',
      'dee@example.com;Dee;"Delta',
      'Labs"',
      'eve@example.com;Eve;Echo',
    ].join('\r\n');
    const response = await postBulk(
      {
        templateId,
        sender: SENDER,
        subject: 'Offer for {{name}} at {{company}}',
        documents: [{ libraryPath: 'offers/offer.pdf' }],
      },
      csv,
    );
    expect(response.status).toBe(202);
    const created = (await response.json()) as TBulkSendCreated;
    expect(created.total).toBe(5);

    // The workflow works through the batches; its progress query and the database agree at the end.
    const handle = stack.env.client.workflow.getHandle(bulkSendWorkflowId(created.id));
    const result = (await handle.result()) as { processed: number; started: number; failed: number };
    expect(result).toMatchObject({ processed: 5, started: 5, failed: 0 });
    expect(await handle.query(bulkSendProgressQuery)).toMatchObject({ total: 5, processed: 5, started: 5 });
    const view = (await (await stack.api(created.links.self)).json()) as TBulkSendView;
    expect(view).toMatchObject({ status: 'COMPLETED', total: 5, started: 5, failed: 0, pending: 0 });
    // Rows are numbered as records (a spreadsheet's rows): the quoted line break in row 5 does not shift row 6.
    expect(view.rows.map((row) => row.row)).toEqual([2, 3, 4, 5, 6]);

    const expected: Array<[string, string]> = [
      ['ann@example.com', 'Offer for Ann at Acme'],
      ['bob@example.com', 'Offer for <b>Bob</b> at Beta; Inc.'],
      ['cy@example.com', 'Offer for Cy at =1+2'],
      ['dee@example.com', 'Offer for Dee at Delta\r\nLabs'],
      ['eve@example.com', 'Offer for Eve at Echo'],
    ];
    for (const [address, subject] of expected) {
      const [invite] = await stack.mail.waitFor(to(address));
      // Mail subjects are one line: the merged text is there, line breaks folded by the mailer.
      expect(invite!.subject.replace(/\s+/g, ' ')).toContain(subject.replace(/\s+/g, ' '));
    }
    // Markup from the CSV is text: the HTML part shows it escaped, never as an element.
    const [bobMail] = await stack.mail.waitFor(to('bob@example.com'));
    expect(bobMail!.html).not.toContain('<b>Bob</b>');
    expect(bobMail!.html).toContain('&lt;b&gt;Bob&lt;/b&gt;');

    // Each row's envelope is a real, pending envelope with its own copy of the document.
    const envelopes = await Promise.all(
      view.rows.map(
        async (row) => (await (await stack.api(`/api/v1/envelopes/${row.envelopeId}`)).json()) as TEnvelopeView,
      ),
    );
    expect(envelopes.map((envelope) => envelope.status)).toEqual(Array(5).fill('PENDING'));
    const documentPaths = envelopes.map((envelope) => envelope.documents[0]?.ref.path);
    expect(new Set(documentPaths).size).toBe(5);
    expect(documentPaths).not.toContain('offers/offer.pdf');
  }, 120_000);

  it('answers 400 BULK_INVALID with both bad rows and creates no record, envelope or workflow', async () => {
    await eventually(async () => expect(await bulkWorkflowCount()).toBe(1), 15_000);
    const before = await tableCounts();
    const csv = ['email,name', 'good@example.com,Good', 'broken-address,Bad', 'good@example.com,Again'].join('\n');
    const response = await postBulk(
      { templateId, sender: SENDER, subject: 'Offer for {{name}}', documents: [{ libraryPath: 'offers/offer.pdf' }] },
      csv,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { rows: TBulkProblem[] } } };
    expect(body.error.code).toBe('BULK_INVALID');
    expect(body.error.details.rows.map((problem) => [problem.row, problem.field, problem.code])).toEqual([
      [3, 'email', 'INVALID_EMAIL'],
      [4, 'email', 'DUPLICATE_RECIPIENT'],
    ]);
    expect(await tableCounts()).toEqual(before);
    expect(await bulkWorkflowCount()).toBe(1);
    expect((await stack.mail.all()).filter(to('good@example.com'))).toEqual([]);
  });
});
