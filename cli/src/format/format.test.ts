import type { TEnvelopeView } from '@signet/shared';
import { formatEnvelopeList } from './envelope-list';
import { formatEnvelopeStatus } from './envelope-status';
import { formatTime, renderTable } from './text';

describe('renderTable', () => {
  it('pads columns to the widest cell and trims line ends', () => {
    expect(
      renderTable(
        ['A', 'LONG HEADER'],
        [
          ['x', '1'],
          ['wider cell', ''],
        ],
      ),
    ).toBe(['A           LONG HEADER', 'x           1', 'wider cell'].join('\n'));
  });
});

describe('formatTime', () => {
  it('shows minutes in UTC and a dash when absent', () => {
    expect(formatTime('2030-01-15T09:30:59.999+02:00')).toBe('2030-01-15 07:30');
    expect(formatTime(undefined)).toBe('-');
  });
});

describe('formatEnvelopeStatus', () => {
  const view: TEnvelopeView = {
    envelopeId: 'env-1',
    status: 'PENDING',
    finalising: false,
    subject: 'NDA for Project X',
    sender: { id: 'u_1', email: 'sam@example.com', name: 'Sam Sender' },
    sourceLibrary: 'lib',
    createdAt: '2030-01-01T00:00:00.000Z',
    expiresAt: '2030-01-15T00:00:00.000Z',
    expiryWarningAt: '2030-01-13T00:00:00.000Z',
    nextReminderAt: '2030-01-04T00:00:00.000Z',
    allowDelegation: true,
    legalHold: false,
    progress: { done: 1, required: 2 },
    documents: [{ documentId: 'd1', name: 'nda.pdf', ref: { library: 'local', path: 'contracts/nda.pdf' } }],
    recipients: [
      {
        id: 'r-2',
        email: 'bob@example.com',
        name: 'Bob',
        role: 'APPROVER',
        routingOrder: 2,
        status: 'PENDING',
        remindersSent: 0,
        invitedAt: '2030-01-02T10:00:00.000Z',
        nextReminderAt: '2030-01-04T00:00:00.000Z',
      },
      {
        id: 'r-1',
        email: 'alice@example.com',
        name: 'Alice',
        role: 'SIGNER',
        routingOrder: 1,
        status: 'SIGNED',
        remindersSent: 0,
        invitedAt: '2030-01-01T00:00:00.000Z',
        viewedAt: '2030-01-01T08:00:00.000Z',
        actedAt: '2030-01-02T10:00:00.000Z',
      },
    ],
    audit: [
      {
        at: '2030-01-01T00:00:00.000Z',
        type: 'SENT',
        actor: { kind: 'SENDER', email: 'sam@example.com', name: 'Sam Sender' },
        authMethod: 'API_TOKEN',
        details: { recipients: 2 },
      },
      {
        at: '2030-01-01T00:00:00.000Z',
        type: 'INVITED',
        actor: { kind: 'SYSTEM' },
        authMethod: 'SYSTEM',
        recipientId: 'r-1',
      },
      {
        at: '2030-01-02T10:00:00.000Z',
        type: 'SIGNED',
        actor: { kind: 'RECIPIENT', email: 'alice@example.com', name: 'Alice', recipientId: 'r-1' },
        authMethod: 'LINK',
        recipientId: 'r-1',
      },
    ],
  };

  it('shows the summary, a recipients table in routing order and the audit trail', () => {
    expect(formatEnvelopeStatus(view)).toBe(
      [
        'NDA for Project X',
        '  Envelope      env-1',
        '  Status        PENDING, 1/2 done',
        '  Sender        Sam Sender <sam@example.com>',
        '  Created       2030-01-01 00:00',
        '  Deadline      2030-01-15 00:00 (warning 2030-01-13 00:00)',
        '  Next reminder 2030-01-04 00:00',
        '  Legal hold    no',
        '  Documents     nda.pdf',
        '',
        'Recipients (times in UTC)',
        '#  RECIPIENT                  ROLE      STATUS   INVITED           VIEWED            ACTED             NEXT REMINDER     ID',
        '1  Alice <alice@example.com>  SIGNER    SIGNED   2030-01-01 00:00  2030-01-01 08:00  2030-01-02 10:00  -                 r-1',
        '2  Bob <bob@example.com>      APPROVER  PENDING  2030-01-02 10:00  -                 -                 2030-01-04 00:00  r-2',
        '',
        'Audit trail',
        '2030-01-01 00:00  SENT                Sam Sender <sam@example.com> (API_TOKEN)  recipients=2',
        '2030-01-01 00:00  INVITED             Signet (SYSTEM) → Alice <alice@example.com>',
        '2030-01-02 10:00  SIGNED              Alice <alice@example.com> (LINK)',
      ].join('\n'),
    );
  });

  it('shows retention and the end of an ended envelope', () => {
    const ended = formatEnvelopeStatus({
      ...view,
      status: 'CANCELLED',
      endedAt: '2030-01-03T00:00:00.000Z',
      endReason: 'wrong file',
      legalHold: true,
      retention: { deleteAt: '2040-01-03T00:00:00.000Z' },
    });
    expect(ended).toContain('  Ended         2030-01-03 00:00 (wrong file)');
    expect(ended).toContain('  Legal hold    yes');
    expect(ended).toContain('  Retention     documents deleted after 2040-01-03 00:00');
  });
});

describe('formatEnvelopeList', () => {
  it('prints one row per envelope and the next page command', () => {
    const text = formatEnvelopeList({
      items: [
        {
          envelopeId: 'env-1',
          status: 'PENDING',
          progress: { done: 0, required: 2 },
          expiresAt: '2030-01-15T00:00:00.000Z',
          startedAt: '2030-01-01T00:00:00.000Z',
        },
      ],
      nextPageToken: 'tok',
    });
    expect(text).toBe(
      [
        'ENVELOPE  STATUS   DONE  EXPIRES           NEXT REMINDER  STARTED',
        'env-1     PENDING  0/2   2030-01-15 00:00  -              2030-01-01 00:00',
        '',
        'More: signet list --page-token tok',
      ].join('\n'),
    );
  });
});
