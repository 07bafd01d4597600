import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import { AppError, AppErrorCode } from '@signet/shared';
import { createLocalLibrary, createLogger, loadConfig, requireSecret } from '@signet/shared/node';
import { buildApp } from './app';
import { openDatabase } from './db/open-database';
import { runMigrations } from './db/run-migrations';

const logger = createLogger('api');

async function readTrustedRoots(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new AppError(AppErrorCode.INVALID_CONFIG, {
      message: `SIGNET_TRUSTED_ROOTS_FILE: cannot read ${file}`,
      cause,
    });
  }
}

/**
 * The API process: config → database (migrated) → Temporal client → library → app → listen, and a graceful
 * stop on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  requireSecret(config.linkSecret, 'SIGNET_LINK_SECRET');
  requireSecret(config.api.token, 'SIGNET_API_TOKEN');

  // Before Temporal: a changed migration or an unreachable database should stop start-up with its own code.
  const database = await openDatabase(config);
  const migrations = await runMigrations(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  logger.info('database ready', {
    kind: database.kind,
    ...(database.kind === 'pglite' ? { dir: config.database.dir } : {}),
    applied: migrations.applied,
  });

  let connection: Connection;
  try {
    connection = await Connection.connect({ address: config.temporal.address });
  } catch (error) {
    throw new AppError(AppErrorCode.ENGINE_UNAVAILABLE, {
      message: `cannot reach Temporal at ${config.temporal.address}`,
      cause: error,
    });
  }
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const library = createLocalLibrary({ id: config.library.id, root: config.library.root });
  const trustedRoots = config.trustedRootsFile ? [await readTrustedRoots(config.trustedRootsFile)] : [];
  const app = buildApp({
    client,
    namespace: config.temporal.namespace,
    library,
    config,
    logger,
    trustedRoots,
    database,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    // close() stops accepting connections and waits for in-flight requests before the client goes.
    await app.close();
    await connection.close();
    await database.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const address = await app.listen({ host: config.api.host, port: config.api.port });
  logger.info('listening', { address, publicUrl: config.api.publicUrl, library: config.library.root });
}

main().catch((error: unknown) => {
  // At start-up the operator needs the whole story (INVALID_CONFIG names the variable): log it in full.
  const code = error instanceof AppError ? error.code : AppErrorCode.INTERNAL;
  logger.error('api failed to start', {
    code,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exitCode = 1;
});
