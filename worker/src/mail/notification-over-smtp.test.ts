import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppError, AppErrorCode, NotificationKind, RecipientRole } from '@signet/shared';
import type { SendNotificationInput } from '@signet/workflows';
import { sendNotification } from '../activities/send-notification';
import { LINK_SECRET, makeBrief, PUBLIC_URL, silentLogger, useTempLibrary } from '../testing/fixtures';
import { createTestSealer } from '../testing/test-sealer';
import { messageIdOf } from './message-id';
import { createSmtpMailer } from './smtp-mailer';

// A Finnish invitation through the real activity, the real SMTP mailer and a real SMTP server (MailDev, the
// one `npm start` runs), read back through MailDev's API: both parts, and the headers that matter.

const REPO_ROOT = path.resolve(__dirname, '../../..');
const tempLibrary = useTempLibrary();

type MailDevMessage = {
  id: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.end() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new AppError(AppErrorCode.INTERNAL, { message: `port ${port} never opened` });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new AppError(AppErrorCode.INTERNAL, { message: `MailDev answered ${response.status}` });
  return (await response.json()) as T;
}

describe('a localised notification over SMTP', () => {
  let maildev: ChildProcess | undefined;
  let smtpPort = 0;
  let webPort = 0;

  beforeAll(async () => {
    [smtpPort, webPort] = [await freePort(), await freePort()];
    maildev = spawn(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules/maildev/bin/maildev'),
        '--ip',
        '127.0.0.1',
        '--smtp',
        String(smtpPort),
        '--web',
        String(webPort),
        '--silent',
      ],
      { stdio: 'ignore' },
    );
    await Promise.all([waitForPort(smtpPort), waitForPort(webPort)]);
  });

  afterAll(async () => {
    if (!maildev || maildev.exitCode !== null) return;
    const exited = new Promise((resolve) => maildev?.once('exit', resolve));
    maildev.kill('SIGTERM');
    await exited;
  });

  it('delivers a Finnish invitation with both parts, Content-Language, Auto-Submitted and a stable Message-ID', async () => {
    const mailer = createSmtpMailer({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      from: 'Signet <signet@example.test>',
    });
    const input: SendNotificationInput = {
      kind: NotificationKind.INVITATION,
      envelope: makeBrief({ subject: 'Toimitussopimus 2025 – Ääkköset' }),
      to: {
        email: 'matti@example.com',
        name: 'Matti Meikäläinen',
        recipient: { id: 'r1', key: 'key-0123456789abcdef', role: RecipientRole.SIGNER },
        locale: 'fi',
      },
      idempotencyKey: 'env-0001.INVITATION.r1.7',
    };
    try {
      await sendNotification(
        {
          library: tempLibrary.current.library,
          mailer,
          sealer: createTestSealer(),
          linkSecret: LINK_SECRET,
          publicUrl: PUBLIC_URL,
          logger: silentLogger,
        },
        input,
      );
    } finally {
      mailer.close();
    }

    const [summary] = await getJson<MailDevMessage[]>(`http://127.0.0.1:${webPort}/email`);
    expect(summary).toBeDefined();
    const mail = await getJson<MailDevMessage>(`http://127.0.0.1:${webPort}/email/${summary?.id ?? ''}`);
    expect(mail.subject).toBe('Alice Sender pyytää allekirjoitustasi: Toimitussopimus 2025 – Ääkköset');
    // Text part: Finnish, the link alone on its line.
    expect(mail.text).toMatch(/^Hei Matti Meikäläinen,$/m);
    expect(mail.text.replace(/\s+/g, ' ')).toContain('lähetti sinulle allekirjoitettavaksi');
    expect(mail.text).toMatch(new RegExp(`^${PUBLIC_URL}/sign/v1\\.[A-Za-z0-9._-]+$`, 'm'));
    expect(mail.text).toContain('28. maaliskuuta 2025 klo 12.00 Europe/Helsinki');
    // HTML part: the language declared, the button, the same words.
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.html).toContain('Tarkasta ja allekirjoita');
    expect(mail.html).toMatch(new RegExp(`href="${PUBLIC_URL}/sign/v1\\.`));
    // Headers, as the server received them.
    const raw = await (await fetch(`http://127.0.0.1:${webPort}/email/${mail.id}/source`)).text();
    const source = raw.replace(/\r?\n[ \t]+/g, ' '); // unfolded: long headers continue on indented lines
    expect(source).toMatch(/^Content-Language: fi\r?$/m);
    expect(source).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    expect(source).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(source).not.toMatch(/^List-Unsubscribe:/im);
    expect(source).toMatch(new RegExp(`^Message-ID: ${messageIdOf(input.idempotencyKey)}\\r?$`, 'm'));
    expect(`<${mail.messageId}>`).toBe(messageIdOf(input.idempotencyKey)); // MailDev drops the brackets
  });
});
