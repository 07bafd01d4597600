import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePorts, waitForPort } from './ports';
import { REPO_ROOT } from './temporal-tools';

/** A message as MailDev's HTTP API returns it (the fields the tests read). */
export type CapturedMail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string; name?: string }>;
  from: Array<{ address: string; name?: string }>;
  messageId: string;
  attachments?: Array<{ fileName: string; contentType: string; length: number }>;
};

export type MailServer = {
  smtpPort: number;
  webPort: number;
  /** Every message received so far, through MailDev's REST API. */
  all(): Promise<CapturedMail[]>;
  /** Polls until `count` messages match; returns them. */
  waitFor(match: (mail: CapturedMail) => boolean, count?: number, timeoutMs?: number): Promise<CapturedMail[]>;
  stop(): Promise<void>;
};

/** Starts a real MailDev SMTP server (the one `npm start` uses) as a child process on free ports. */
export async function startMailServer(): Promise<MailServer> {
  const [smtpPort, webPort] = (await freePorts(2)) as [number, number];
  const child: ChildProcess = spawn(
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
  const all = async (): Promise<CapturedMail[]> => {
    const response = await fetch(`http://127.0.0.1:${webPort}/email`);
    if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
    return (await response.json()) as CapturedMail[];
  };
  return {
    smtpPort,
    webPort,
    all,
    waitFor: async (match, count = 1, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await all()).filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`expected ${count} matching mails, have ${found.length}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The recipient link token in a mail (`…/sign/<token>`). */
export function linkTokenOf(mail: CapturedMail): string {
  const match = /\/sign\/([A-Za-z0-9_.-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no signing link in mail "${mail.subject}"`);
  return match[1];
}
