import type { TCreateEnvelopeRequestInput, TEnvelopeDocument } from '@signet/shared';
import { AppErrorCode, parseOrThrow, ZCreateEnvelopeRequestSchema } from '@signet/shared';
import { loadConfig } from '@signet/shared/node';
import { buildEnvelopeInput, checkEnvelopeRequest, senderIdOf } from './build-envelope-input';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 86_400_000;
const config = loadConfig({ SIGNET_DATA_DIR: '/tmp/signet-unit' });

function request(overrides: Partial<TCreateEnvelopeRequestInput> = {}) {
  return parseOrThrow(ZCreateEnvelopeRequestSchema, {
    subject: 'NDA',
    sender: { email: 'Sam@Example.com', name: 'Sam' },
    documents: [{ libraryPath: 'contracts/nda.pdf' }],
    recipients: [{ email: 'alice@example.com' }, { email: 'bob@example.com', name: 'Bob' }],
    ...overrides,
  });
}

const check = (overrides: Partial<TCreateEnvelopeRequestInput> = {}) =>
  checkEnvelopeRequest(request(overrides), { config, nowMs: NOW });

const documents: TEnvelopeDocument[] = [
  { documentId: 'd1', name: 'nda.pdf', ref: { library: 'local', path: 'contracts/nda.pdf' } },
];

function build(overrides: Partial<TCreateEnvelopeRequestInput> = {}) {
  let n = 0;
  const parsed = request(overrides);
  const terms = checkEnvelopeRequest(parsed, { config, nowMs: NOW });
  const envelopeId = parsed.envelopeId ?? 'env-minted';
  return buildEnvelopeInput(parsed, terms, documents, {
    envelopeId,
    config,
    nowMs: NOW,
    newId: () => `id-${++n}`,
    sourceLibrary: 'lib-1',
  });
}

describe('checkEnvelopeRequest: bad input is refused with a specific code', () => {
  it.each<[string, Partial<TCreateEnvelopeRequestInput>, string]>([
    ['no recipient', { recipients: [] }, AppErrorCode.NO_RECIPIENTS],
    [
      'only CC and VIEWER recipients',
      {
        recipients: [
          { email: 'a@example.com', role: 'CC' },
          { email: 'b@example.com', role: 'VIEWER' },
        ],
      },
      AppErrorCode.NO_ACTING_RECIPIENT,
    ],
    ['a bad recipient address', { recipients: [{ email: 'alice@' }] }, AppErrorCode.INVALID_EMAIL],
    ['a bad sender address', { sender: { email: 'not an address' } }, AppErrorCode.INVALID_EMAIL],
    [
      'the same address twice, in different case',
      { recipients: [{ email: 'alice@example.com' }, { email: ' ALICE@Example.COM' }] },
      AppErrorCode.DUPLICATE_RECIPIENT,
    ],
    ['a deadline in the past', { expiresAt: '2029-12-31T23:59:59Z' }, AppErrorCode.DEADLINE_IN_PAST],
    ['a deadline of exactly now', { expiresAt: '2030-01-01T00:00:00Z' }, AppErrorCode.DEADLINE_IN_PAST],
    ['a bad expiresIn', { expiresIn: 'two weeks' }, AppErrorCode.INVALID_DURATION],
    ['a zero expiresIn', { expiresIn: '0d' }, AppErrorCode.INVALID_DURATION],
    ['a bad expiryWarning', { expiryWarning: '2 days' }, AppErrorCode.INVALID_DURATION],
    [
      'a bad reminder interval',
      { reminders: { firstAfter: '3d', every: 'often', max: 2 } },
      AppErrorCode.INVALID_DURATION,
    ],
    [
      'both expiresAt and expiresIn',
      { expiresAt: '2030-02-01T00:00:00Z', expiresIn: '7d' },
      AppErrorCode.VALIDATION_FAILED,
    ],
    [
      'an unknown time zone',
      { sender: { email: 'sam@example.com', timeZone: 'Mars/Olympus' } },
      AppErrorCode.VALIDATION_FAILED,
    ],
  ])('%s', (_label, overrides, code) => {
    expect(() => check(overrides)).toThrow(expect.objectContaining({ code }));
  });

  it('names the failing field', () => {
    expect(() => check({ recipients: [{ email: 'alice@example.com' }, { email: 'bad' }] })).toThrow(
      expect.objectContaining({ details: { field: 'recipients.1.email' } }),
    );
  });
});

describe('checkEnvelopeRequest: timing', () => {
  it('uses the configured defaults', () => {
    expect(check()).toEqual({
      expiresAt: new Date(NOW + 14 * DAY).toISOString(),
      expiryWarningMs: 2 * DAY,
      reminders: { firstAfterMs: 3 * DAY, everyMs: 2 * DAY, max: 3 },
    });
  });

  it('takes expiresIn, expiryWarning and reminders from the request', () => {
    expect(
      check({ expiresIn: '7d', expiryWarning: '12h', reminders: { firstAfter: '1d', every: '1d', max: 5 } }),
    ).toEqual({
      expiresAt: new Date(NOW + 7 * DAY).toISOString(),
      expiryWarningMs: 12 * 3_600_000,
      reminders: { firstAfterMs: DAY, everyMs: DAY, max: 5 },
    });
  });

  it('normalises expiresAt and turns reminders off with false', () => {
    const terms = check({ expiresAt: '2030-01-10T12:00:00+02:00', reminders: false });
    expect(terms.expiresAt).toBe('2030-01-10T10:00:00.000Z');
    expect(terms.reminders).toBeNull();
  });
});

describe('buildEnvelopeInput', () => {
  it('builds the workflow input with minted ids, an opaque sender id and the retention policy', () => {
    const input = build({ message: 'Hi' });
    expect(input).toMatchObject({
      envelopeId: 'env-minted',
      subject: 'NDA',
      message: 'Hi',
      sender: { id: senderIdOf('sam@example.com'), email: 'Sam@Example.com', name: 'Sam' },
      sourceLibrary: 'lib-1',
      documents,
      createdAt: '2030-01-01T00:00:00.000Z',
      allowDelegation: true,
      legalHold: false,
      retention: { deleteAfterMs: 3650 * DAY, warnBeforeMs: 30 * DAY },
    });
    expect(input.recipients.map((r) => [r.id, r.key, r.email, r.name, r.role])).toEqual([
      ['id-1', 'id-2', 'alice@example.com', 'alice@example.com', 'SIGNER'],
      ['id-3', 'id-4', 'bob@example.com', 'Bob', 'SIGNER'],
    ]);
  });

  it("carries the languages: the sender's own, each recipient's, else the envelope's default", () => {
    const input = build({
      sender: { email: 'sam@example.com', locale: 'fi' },
      locale: 'sv',
      recipients: [{ email: 'alice@example.com', locale: 'nl' }, { email: 'bob@example.com' }],
    });
    expect(input.sender.locale).toBe('fi');
    expect(input.recipients.map((r) => r.locale)).toEqual(['nl', 'sv']);
    expect(build().sender.locale).toBeUndefined();
  });

  it('keeps a client-chosen envelope id', () => {
    expect(build({ envelopeId: 'my-envelope-1' }).envelopeId).toBe('my-envelope-1');
  });

  it('derives the sender id from the lower-cased address: u_ + 24 hex of SHA-256', () => {
    expect(senderIdOf(' Sam@Example.com ')).toBe(senderIdOf('sam@example.com'));
    expect(senderIdOf('sam@example.com')).toMatch(/^u_[0-9a-f]{24}$/);
  });

  it('routes sequentially by position, in parallel as one group, and keeps explicit orders', () => {
    const recipients = [
      { email: 'a@example.com' },
      { email: 'b@example.com', role: 'CC' as const },
      { email: 'c@example.com', routingOrder: 7 },
    ];
    expect(build({ recipients }).recipients.map((r) => r.routingOrder)).toEqual([1, 2, 7]);
    expect(build({ recipients, routing: 'PARALLEL' }).recipients.map((r) => r.routingOrder)).toEqual([1, 1, 7]);
  });

  it('has no retention when the library keeps documents forever', () => {
    const forever = loadConfig({ SIGNET_DATA_DIR: '/tmp/signet-unit', SIGNET_RETENTION: 'off' });
    const parsed = request();
    const terms = checkEnvelopeRequest(parsed, { config: forever, nowMs: NOW });
    const input = buildEnvelopeInput(parsed, terms, documents, {
      envelopeId: 'e',
      config: forever,
      nowMs: NOW,
      newId: () => 'x',
      sourceLibrary: 'l',
    });
    expect(input.retention).toBeNull();
  });
});
