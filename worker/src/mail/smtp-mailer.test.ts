import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { AppError, AppErrorCode } from '@signet/shared';
import { classifySmtpError, createSmtpMailer } from './smtp-mailer';
import type { MailMessage } from './mailer';

const message: MailMessage = {
  to: { email: 'bob@example.com', name: 'Bob' },
  subject: 'Hello',
  text: 'text',
  html: '<p>html</p>',
  messageId: '<abc@signet>',
};

/** A minimal SMTP server that answers RCPT TO with `rcptReply`, recording the DATA it receives. */
async function startSmtpServer(rcptReply: string): Promise<{ port: number; data: string[]; close(): Promise<void> }> {
  const data: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let inData = false;
    let buffer = '';
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else data.push(line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.test\r\n');
        else if (verb === 'MAIL') socket.write('250 ok\r\n');
        else if (verb === 'RCPT') socket.write(`${rcptReply}\r\n`);
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    data,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const smtpConfig = (port: number) => ({ host: '127.0.0.1', port, secure: false, from: 'Signet <signet@example.test>' });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError))
    throw new AppError(AppErrorCode.INTERNAL, { message: `expected AppError, got ${String(error)}` });
  return error;
}

describe('createSmtpMailer', () => {
  it('delivers with the given Message-ID, sender and recipient', async () => {
    const server = await startSmtpServer('250 ok');
    const mailer = createSmtpMailer(smtpConfig(server.port));
    try {
      await mailer.send(message);
      const raw = server.data.join('\n');
      expect(raw).toMatch(/^Message-ID: <abc@signet>$/im);
      expect(raw).toMatch(/^To: Bob <bob@example.com>$/im);
      expect(raw).toMatch(/^From: Signet <signet@example.test>$/im);
      expect(raw).toMatch(/^Auto-Submitted: auto-generated$/im);
      expect(raw).not.toMatch(/^Content-Language:/im); // only when the message says which language it is
    } finally {
      mailer.close();
      await server.close();
    }
  });

  it('declares the language of a localised message', async () => {
    const server = await startSmtpServer('250 ok');
    const mailer = createSmtpMailer(smtpConfig(server.port));
    try {
      await mailer.send({ ...message, language: 'nl' });
      expect(server.data.join('\n')).toMatch(/^Content-Language: nl$/im);
    } finally {
      mailer.close();
      await server.close();
    }
  });

  it('turns a 5xx refusal into MAIL_REJECTED', async () => {
    const server = await startSmtpServer('550 5.1.1 no such user');
    const mailer = createSmtpMailer(smtpConfig(server.port));
    try {
      const error = await failureOf(mailer.send(message));
      expect(error.code).toBe(AppErrorCode.MAIL_REJECTED);
      expect(error.message).toContain('no such user');
    } finally {
      mailer.close();
      await server.close();
    }
  });

  it('keeps a 4xx reply transient', async () => {
    const server = await startSmtpServer('451 4.7.1 greylisted, try later');
    const mailer = createSmtpMailer(smtpConfig(server.port));
    try {
      expect((await failureOf(mailer.send(message))).code).toBe(AppErrorCode.INTERNAL);
    } finally {
      mailer.close();
      await server.close();
    }
  });

  it('keeps a refused connection transient', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve())); // the port is now closed
    const mailer = createSmtpMailer(smtpConfig(port));
    const error = await failureOf(mailer.send(message));
    expect(error.code).toBe(AppErrorCode.INTERNAL);
    expect(error.message).toContain('ECONNREFUSED');
    mailer.close();
  });
});

describe('classifySmtpError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, AppErrorCode.MAIL_REJECTED],
    [{ code: 'EMESSAGE', responseCode: 554 }, AppErrorCode.MAIL_REJECTED],
    [{ code: 'EENVELOPE', responseCode: 452 }, AppErrorCode.INTERNAL],
    [{ code: 'EAUTH', responseCode: 535 }, AppErrorCode.INTERNAL],
    [{ code: 'ETIMEDOUT' }, AppErrorCode.INTERNAL],
  ])('%j → %s', (failure, code) => {
    expect(classifySmtpError(Object.assign(new Error('smtp'), failure)).code).toBe(code);
  });
});
