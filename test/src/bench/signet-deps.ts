import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalLibrary, createLogger } from '@signet/shared/node';
import { createActivities, createConfiguredSealer, createSmtpMailer } from '@signet/worker';
import type { SigningActivities } from '@signet/workflows';
import { startMailServer } from '../support/mail-server';
import { makePdf } from '../support/pdf-fixtures';
import { openOrCreateTestPki, sealEnvOf } from '../support/sealing-pki';
import { stackConfig } from '../support/stack-config';
import { benchDocumentPath, SIGNERS_PER_ENVELOPE } from './bench-envelope-input';

/** Invitations to every signer, then the completion mail to every signer and the sender. */
const MAILS_PER_ENVELOPE = 2 * SIGNERS_PER_ENVELOPE + 1;

/** Signet's real activities over a real SMTP server (MailDev) and a temporary local library. */
export type SignetDeps = {
  activities: SigningActivities;
  /** After the run: a signed copy per envelope in the library and every mail in MailDev, or it throws. */
  verify(count: number): Promise<void>;
  close(): Promise<void>;
};

async function countSignedCopies(folder: string): Promise<number> {
  return (await readdir(folder)).filter((name) => name.endsWith('.signed.pdf')).length;
}

/**
 * Builds what the Signet run's worker needs, as `runWorker` would (createActivities, SMTP mailer, local
 * library), plus one real small PDF per envelope, written before the clock starts, so sealing runs pdf-lib
 * on a real file.
 */
export async function startSignetDeps(temporalAddress: string, count: number): Promise<SignetDeps> {
  const mail = await startMailServer();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'signet-bench-'));
  const close = async () => {
    await mail.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // No API runs: the signing links in the mails are rendered but never opened.
    // B-B: the seal is signed for real, but no TSA or OCSP round trips, which this lifecycle benchmark is not about
    // (bench:seal measures the full B-LT seal). The PKI's port is only written into its certificates.
    const pki = await openOrCreateTestPki(path.join(dataDir, 'pki'), { port: 9 });
    const overrides = sealEnvOf(pki, 'B-B');
    const config = stackConfig({ dataDir, temporalAddress, smtpPort: mail.smtpPort, apiPort: 0, overrides });
    const pdf = await makePdf(1, 'Benchmark agreement');
    const documentsFolder = path.join(config.library.root, path.dirname(benchDocumentPath(0)));
    await mkdir(documentsFolder, { recursive: true });
    for (let i = 0; i < count; i++) await writeFile(path.join(config.library.root, benchDocumentPath(i)), pdf);

    const mailer = createSmtpMailer(config.smtp);
    // One info line per mail, seal and status write would bury the benchmark's own output; warnings stay.
    const logger = { ...createLogger('bench-worker'), info: () => undefined };
    const activities = createActivities({
      library: createLocalLibrary(config.library),
      mailer,
      sealer: await createConfiguredSealer(config.seal),
      linkSecret: config.linkSecret!,
      publicUrl: config.api.publicUrl,
      logger,
    });
    return {
      activities,
      verify: async (expected) => {
        const signed = await countSignedCopies(documentsFolder);
        if (signed !== expected) throw new Error(`expected ${expected} signed copies in the library, found ${signed}`);
        const mails = (await mail.all()).length;
        const wanted = expected * MAILS_PER_ENVELOPE;
        if (mails < wanted) throw new Error(`expected ${wanted} mails in MailDev, found ${mails}`);
      },
      close: async () => {
        mailer.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
