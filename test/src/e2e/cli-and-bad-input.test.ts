import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makePdf } from '../support/pdf-fixtures';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';
import { REPO_ROOT } from '../support/temporal-tools';

// The `signet` CLI as a user runs it (a child process) against the real stack; and bad input straight to the
// API. Every refusal carries a machine-readable code, and nothing is written or started.

const run = promisify(execFile);
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(path.join(os.tmpdir(), 'signet-cli-'));
  await writeFile(path.join(dir, 'contract.pdf'), await makePdf(1));
  await writeFile(path.join(dir, 'notes.pdf'), 'just text, not a PDF');
});

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function signet(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    SIGNET_API_URL: stack.apiUrl,
    SIGNET_API_TOKEN: stack.config.api.token!,
    SIGNET_SENDER_EMAIL: 'sam@example.com',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'cli/bin/signet.js'), ...args], {
      env,
      cwd: dir,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function jsonError(...args: string[]): Promise<string> {
  const result = await signet(...args, '--json');
  // stderr is part of the expectation so a failure shows what the CLI said.
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: '' });
  return (JSON.parse(result.stdout) as { error: { code: string } }).error.code;
}

async function uploadsInLibrary(): Promise<number> {
  const uploads = path.join(stack.libraryRoot, 'uploads');
  if (!existsSync(uploads)) return 0;
  let count = 0;
  for (const day of await readdir(uploads)) count += (await readdir(path.join(uploads, day))).length;
  return count;
}

describe('signet CLI against the real stack', () => {
  it('refuses bad input with codes and writes nothing', async () => {
    expect(await jsonError('send', 'missing.pdf', '--to', 'a@example.com', '--subject', 'x')).toBe(
      'DOCUMENT_NOT_FOUND',
    );
    expect(await jsonError('send', 'notes.pdf', '--to', 'a@example.com', '--subject', 'x')).toBe('NOT_A_PDF');
    expect(await jsonError('send', 'contract.pdf', '--subject', 'x')).toBe('NO_RECIPIENTS');
    expect(
      await jsonError('send', 'contract.pdf', '--to', 'a@example.com', '--to', 'A@example.com', '--subject', 'x'),
    ).toBe('DUPLICATE_RECIPIENT');
    expect(await jsonError('send', 'contract.pdf', '--to', 'not-an-email', '--subject', 'x')).toBe('INVALID_EMAIL');
    expect(
      await jsonError('send', 'contract.pdf', '--to', 'a@example.com', '--subject', 'x', '--expires', 'soon'),
    ).toBe('INVALID_DURATION');
    expect(await jsonError('status', 'no-such-envelope')).toBe('ENVELOPE_NOT_FOUND');
    expect(await jsonError('cancel', 'no-such-envelope', '--reason', 'x')).toBe('ENVELOPE_NOT_FOUND');
    const human = await signet('send', 'notes.pdf', '--to', 'a@example.com', '--subject', 'x');
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^error \[NOT_A_PDF\]/m);
    expect(await uploadsInLibrary()).toBe(0);
  });

  it('sends, shows status, lists by status, reminds, extends and cancels', async () => {
    const sent = await signet(
      'send',
      'contract.pdf',
      '--to',
      'alice@example.com',
      '--to',
      'bob@example.com',
      '--subject',
      'CLI contract',
      '--expires',
      '14d',
      '--remind-after',
      '3d',
      '--remind-every',
      '2d',
      '--json',
    );
    expect(sent.code).toBe(0);
    const { envelopeId } = JSON.parse(sent.stdout) as { envelopeId: string };
    const other = JSON.parse(
      (await signet('send', 'contract.pdf', '--to', 'carol@example.com', '--parallel', '--subject', 'Second', '--json'))
        .stdout,
    ) as { envelopeId: string };

    const status = await signet('status', envelopeId);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('alice@example.com');
    expect(status.stdout).toContain('PENDING');

    expect((await signet('remind', envelopeId)).code).toBe(0);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await signet('extend', envelopeId, '--to', later)).code).toBe(0);
    expect(await jsonError('extend', envelopeId, '--to', new Date(Date.now() + 86_400_000).toISOString())).toBe(
      'DEADLINE_NOT_LATER',
    );
    expect(await jsonError('cancel', other.envelopeId, '--reason', '')).toMatch(/REASON_REQUIRED|VALIDATION_FAILED/);
    expect((await signet('cancel', other.envelopeId, '--reason', 'Sent by mistake')).code).toBe(0);

    const view = JSON.parse((await signet('status', envelopeId, '--json')).stdout) as {
      expiresAt: string;
      audit: Array<{ type: string }>;
    };
    expect(Date.parse(view.expiresAt)).toBe(Date.parse(later));
    expect(view.audit.map((e) => e.type)).toEqual(expect.arrayContaining(['REMINDED', 'EXTENDED']));

    // Visibility lists are eventually consistent on the dev server: poll.
    const deadline = Date.now() + 20_000;
    let cancelled: Array<{ envelopeId: string }> = [];
    while (Date.now() < deadline) {
      cancelled = (
        JSON.parse((await signet('list', '--status', 'CANCELLED', '--json')).stdout) as {
          items: Array<{ envelopeId: string }>;
        }
      ).items;
      if (cancelled.some((e) => e.envelopeId === other.envelopeId)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(cancelled.map((e) => e.envelopeId)).toEqual([other.envelopeId]);
    const pending = (
      JSON.parse((await signet('list', '--status', 'PENDING', '--json')).stdout) as {
        items: Array<{ envelopeId: string }>;
      }
    ).items;
    expect(pending.map((e) => e.envelopeId)).toContain(envelopeId);
  });

  it('API refuses a deadline in the past and a path outside the library', async () => {
    const post = (body: unknown) =>
      stack.api('/api/v1/envelopes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = { subject: 'x', sender: { email: 'sam@example.com' }, recipients: [{ email: 'a@example.com' }] };
    const past = await post({
      ...base,
      documents: [{ libraryPath: 'anything.pdf' }],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: { code: string } }).error.code).toMatch(
      /DEADLINE_IN_PAST|DOCUMENT_NOT_FOUND/,
    );
    const traversal = await post({ ...base, documents: [{ libraryPath: '../../etc/passwd' }] });
    expect(((await traversal.json()) as { error: { code: string } }).error.code).toBe('INVALID_DOCUMENT_PATH');
  });
});
