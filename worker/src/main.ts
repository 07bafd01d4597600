import { AppError, AppErrorCode, TASK_QUEUE } from '@signet/shared';
import type { DocumentLibrary, Logger, SignetConfig } from '@signet/shared/node';
import { createLocalLibrary, createLogger, loadConfig, requireSecret } from '@signet/shared/node';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from './activities/create-activities';
import { createInternalApiClient } from './internal-api/internal-api-client';
import type { Mailer } from './mail/mailer';
import { createSmtpMailer } from './mail/smtp-mailer';
import { createConfiguredSealer } from './sealer/create-configured-sealer';
import type { PdfSealer } from './sealer/pdf-sealer';
import { resolveWorkflowCode } from './workflow-code';

/** Replacements for what {@link runWorker} would otherwise build from the config (tests pass fakes). */
export type RunWorkerOptions = {
  logger?: Logger;
  library?: DocumentLibrary;
  mailer?: Mailer;
  /** Instead of the sealer built from `config.seal` (key files, TSA). */
  sealer?: PdfSealer;
  clock?: () => Date;
  /** An existing connection (e.g. a TestWorkflowEnvironment's); it is left open on shutdown. */
  connection?: NativeConnection;
};

/** A started worker. */
export type RunningWorker = {
  worker: Worker;
  /** Settles when the worker has stopped: after {@link RunningWorker.shutdown} or a fatal worker error. */
  finished: Promise<void>;
  /** Stops polling, lets running tasks finish, then closes what runWorker opened. Safe to call twice. */
  shutdown(): Promise<void>;
};

async function connect(address: string): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({ address });
  } catch (error) {
    throw new AppError(AppErrorCode.ENGINE_UNAVAILABLE, {
      message: `cannot reach Temporal at ${address}`,
      cause: error,
    });
  }
}

// The SMTP mailer is ours to close; a mailer passed in belongs to the caller.
function mailerOf(config: SignetConfig, given: Mailer | undefined): { mailer: Mailer; close(): void } {
  if (given) return { mailer: given, close: () => undefined };
  const smtp = createSmtpMailer(config.smtp);
  return { mailer: smtp, close: () => smtp.close() };
}

/** Builds the dependencies, connects to Temporal and starts polling the envelope task queue. */
export async function runWorker(config: SignetConfig, options: RunWorkerOptions = {}): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger('worker');
  const linkSecret = requireSecret(config.linkSecret, 'SIGNET_LINK_SECRET');
  const library = options.library ?? createLocalLibrary(config.library);
  // Before connecting: a missing or unreadable seal key stops start-up with INVALID_CONFIG and nothing open.
  const sealer = options.sealer ?? (await createConfiguredSealer(config.seal));
  const connection = options.connection ?? (await connect(config.temporal.address));
  // Built after connecting, so a failed connection leaves nothing open.
  const mail = mailerOf(config, options.mailer);
  const activities = createActivities({
    library,
    mailer: mail.mailer,
    sealer,
    linkSecret,
    publicUrl: config.api.publicUrl,
    logger,
    ...(config.internalToken
      ? { internalApi: createInternalApiClient({ url: config.api.url, token: config.internalToken }) }
      : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const release = async () => {
    mail.close();
    if (!options.connection) await connection.close();
  };

  let worker: Worker;
  try {
    const workflowCode = await resolveWorkflowCode(logger);
    worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: TASK_QUEUE,
      activities,
      ...workflowCode,
    });
    logger.info('worker started', {
      temporal: config.temporal.address,
      namespace: config.temporal.namespace,
      taskQueue: TASK_QUEUE,
      library: library.id,
      sealLevel: sealer.level,
      workflows: 'workflowBundle' in workflowCode ? 'prebuilt bundle' : 'bundled at start-up',
    });
  } catch (error) {
    await release();
    throw error;
  }

  const finished = worker.run().finally(release);
  return {
    worker,
    finished,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await finished;
    },
  };
}

/** Process entry: config from the environment, graceful shutdown on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  const logger = createLogger('worker');
  const running = await runWorker(loadConfig(), { logger });
  const stop = (signal: NodeJS.Signals) => {
    logger.info('shutting down', { signal });
    running.shutdown().catch((error: unknown) => logger.error('shutdown failed', { error: String(error) }));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await running.finished;
  logger.info('worker stopped');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
    createLogger('worker').error('worker failed', { error: message });
    process.exitCode = 1;
  });
}
