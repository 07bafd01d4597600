import type { TEnvelopeEventsPublication, TListEnvelopesQuery } from '@signet/shared';
import { AppErrorCode, ZListEnvelopesQuerySchema } from '@signet/shared';
import { runMigrations } from '../db/run-migrations';
import type { TestDatabase } from '../db/test-database';
import { openTestDatabase } from '../db/test-database';
import { listEnvelopeRows } from './list-envelope-rows';
import { markEnvelopeDeliveryFailed, upsertEnvelopeRow } from './upsert-envelope-row';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 86_400_000;
const SECRET = 'read-model-test-secret-0123456789abcdef';

type Envelope = TEnvelopeEventsPublication['envelope'];

function envelope(id: string, overrides: Partial<Envelope> = {}): Envelope {
  return {
    envelopeId: id,
    revision: 1,
    subject: `Contract ${id}`,
    sender: { id: 'u1', email: 'Alice@Example.com', name: 'Alice' },
    status: 'PENDING',
    createdAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 14 * DAY).toISOString(),
    progress: { done: 0, required: 1 },
    recipients: [{ id: `${id}-r1`, name: 'Bob Builder', email: 'bob@example.com', role: 'SIGNER', status: 'INVITED' }],
    documentNames: ['contract.pdf'],
    signedCopy: false,
    ...overrides,
  };
}

function query(input: Record<string, unknown> = {}): TListEnvelopesQuery {
  return ZListEnvelopesQuerySchema.parse(input);
}

describe('envelope read model', () => {
  let test: TestDatabase;
  let now: number;
  const list = (input: Record<string, unknown> = {}) =>
    listEnvelopeRows(test.db, query(input), { now, secret: SECRET });
  const put = (value: Envelope, at = now) => upsertEnvelopeRow(test.db, value, { now: at, warningMs: 2 * DAY });

  beforeAll(async () => {
    test = await openTestDatabase();
    await runMigrations(test.db);
  });
  afterAll(async () => test.close());
  beforeEach(async () => {
    await test.db.query('DELETE FROM envelope_read_model');
    now = T0;
  });

  it('keeps the newest revision: an older or repeated publication changes nothing', async () => {
    expect(await put(envelope('e1', { revision: 2, status: 'COMPLETED', progress: { done: 1, required: 1 } }))).toBe(
      true,
    );
    expect(await put(envelope('e1', { revision: 1 }))).toBe(false);
    expect(await put(envelope('e1', { revision: 2 }))).toBe(false);
    const { items } = await list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      envelopeId: 'e1',
      status: 'COMPLETED',
      progress: { done: 1, required: 1 },
      subject: 'Contract e1',
      sender: { email: 'alice@example.com', name: 'Alice' },
      recipients: [{ name: 'Bob Builder', status: 'INVITED' }],
      documentNames: ['contract.pdf'],
      signedCopy: false,
    });
  });

  it('filters by status, sender (case-insensitive) and deadline', async () => {
    await put(envelope('e1'));
    await put(envelope('e2', { status: 'DECLINED' }));
    await put(envelope('e3', { sender: { id: 'u2', email: 'carol@example.com', name: 'Carol' } }));
    await put(envelope('e4', { expiresAt: new Date(T0 + DAY).toISOString() }));
    const ids = async (input: Record<string, unknown>) => (await list(input)).items.map((i) => i.envelopeId).sort();
    expect(await ids({ status: 'DECLINED' })).toEqual(['e2']);
    expect(await ids({ senderEmail: 'CAROL@example.com' })).toEqual(['e3']);
    expect(await ids({ expiringBefore: new Date(T0 + 2 * DAY).toISOString() })).toEqual(['e4']);
    expect(await ids({ status: 'PENDING', senderEmail: 'alice@example.com' })).toEqual(['e1', 'e4']);
    // Year 0 is a valid ISO date but not a PostgreSQL one: nothing expires before it, no 500.
    expect(await ids({ expiringBefore: '0000-01-01T00:00:00Z' })).toEqual([]);
  });

  it('searches subject, recipient names and e-mails and document names, case-insensitively', async () => {
    await put(envelope('e1', { subject: 'Lease for Flat 3' }));
    await put(
      envelope('e2', {
        recipients: [{ id: 'r', name: 'Åsa Öberg', email: 'asa@firma.se', role: 'SIGNER', status: 'INVITED' }],
      }),
    );
    await put(envelope('e3', { documentNames: ['NDA-2030.pdf'] }));
    const ids = async (q: string) => (await list({ q })).items.map((i) => i.envelopeId).sort();
    expect(await ids('lease')).toEqual(['e1']);
    expect(await ids('åSA ö')).toEqual(['e2']);
    expect(await ids('ASA@FIRMA')).toEqual(['e2']);
    expect(await ids('nda-2030')).toEqual(['e3']);
    expect(await ids('nobody')).toEqual([]);
  });

  it('takes % and _ (and \\) in the search text literally', async () => {
    await put(envelope('e1', { subject: 'Discount 50% off' }));
    await put(envelope('e2', { subject: 'Discount 50 percent off' }));
    await put(envelope('e3', { subject: 'file_name' }));
    await put(envelope('e4', { subject: 'filexname' }));
    await put(envelope('e5', { subject: 'C:\\docs' }));
    const ids = async (q: string) => (await list({ q })).items.map((i) => i.envelopeId).sort();
    expect(await ids('50%')).toEqual(['e1']);
    expect(await ids('%')).toEqual(['e1']);
    expect(await ids('file_')).toEqual(['e3']);
    expect(await ids('_')).toEqual(['e3']);
    expect(await ids('c:\\d')).toEqual(['e5']);
  });

  it('refuses a search text or sender with NUL in the schema (PostgreSQL text cannot hold it: 400, not 500)', () => {
    expect(ZListEnvelopesQuerySchema.safeParse({ q: 'a\u0000b' }).success).toBe(false);
    expect(ZListEnvelopesQuerySchema.safeParse({ senderEmail: 'a@b.c\u0000' }).success).toBe(false);
    expect(ZListEnvelopesQuerySchema.safeParse({ q: 'ab' }).success).toBe(true);
  });

  it('views: expiring soon (pending inside the warning window) and needs attention', async () => {
    await put(envelope('soon', { expiresAt: new Date(T0 + DAY).toISOString() }));
    await put(envelope('later'));
    await put(envelope('declined', { status: 'DECLINED' }));
    await put(envelope('expired', { status: 'EXPIRED', expiresAt: new Date(T0 + DAY).toISOString() }));
    await put(envelope('failed', { status: 'COMPLETED' }));
    await markEnvelopeDeliveryFailed(test.db, 'failed');
    const ids = async (view: string) => (await list({ view })).items.map((i) => i.envelopeId).sort();
    expect(await ids('expiring-soon')).toEqual(['soon']);
    expect(await ids('needs-attention')).toEqual(['declined', 'expired', 'failed', 'soon']);
    const later = (await list()).items.find((i) => i.envelopeId === 'later');
    expect(later?.needsAttention).toBe(false);
  });

  it('pages by keyset in every sort order without gaps or repeats, even when rows change between pages', async () => {
    for (let i = 0; i < 7; i += 1) {
      await put(
        envelope(`e${i}`, {
          createdAt: new Date(T0 + i * 1000).toISOString(),
          expiresAt: new Date(T0 + (10 - i) * DAY).toISOString(),
        }),
        T0 + (i % 3) * 1000, // equal updated_at values: the id breaks the tie
      );
    }
    for (const sort of ['updated-desc', 'created-desc', 'expires-asc']) {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await list({ sort, pageSize: 3, ...(token ? { nextPageToken: token } : {}) });
        seen.push(...page.items.map((i) => i.envelopeId));
        token = page.nextPageToken;
        if (seen.length === 3)
          await put(envelope('new', { createdAt: new Date(T0 + 99_000).toISOString() }), T0 + 99_000);
      } while (token);
      await test.db.query(`DELETE FROM envelope_read_model WHERE envelope_id = 'new'`);
      expect(seen.filter((id) => id !== 'new').sort()).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const created = (await list({ sort: 'created-desc' })).items.map((i) => i.envelopeId);
    expect(created).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1', 'e0']);
  });

  it('refuses a forged page token, or one made for another sort, with VALIDATION_FAILED', async () => {
    for (let i = 0; i < 3; i += 1) await put(envelope(`e${i}`));
    const { nextPageToken } = await list({ pageSize: 1 });
    expect(nextPageToken).toBeDefined();
    await expect(list({ pageSize: 1, nextPageToken: `${nextPageToken}x` })).rejects.toMatchObject({
      code: AppErrorCode.VALIDATION_FAILED,
    });
    await expect(list({ pageSize: 1, sort: 'created-desc', nextPageToken })).rejects.toMatchObject({
      code: AppErrorCode.VALIDATION_FAILED,
    });
  });
});
