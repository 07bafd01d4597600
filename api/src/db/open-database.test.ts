import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError, AppErrorCode } from '@signet/shared';
import { loadConfig } from '@signet/shared/node';
import { openDatabase } from './open-database';

describe('database configuration', () => {
  it('defaults to embedded PGlite under the data folder', () => {
    const config = loadConfig({ SIGNET_DATA_DIR: '/srv/signet' });
    expect(config.database).toEqual({ url: undefined, dir: path.join('/srv/signet', 'db') });
  });

  it('takes a postgres:// or postgresql:// URL and refuses anything else with INVALID_CONFIG', () => {
    expect(loadConfig({ SIGNET_DATABASE_URL: 'postgres://u@db:5432/signet' }).database.url).toBe(
      'postgres://u@db:5432/signet',
    );
    expect(loadConfig({ SIGNET_DATABASE_URL: 'postgresql://db/signet' }).database.url).toBe('postgresql://db/signet');
    expect(() => loadConfig({ SIGNET_DATABASE_URL: 'mysql://db/signet' })).toThrow(
      expect.objectContaining({
        code: AppErrorCode.INVALID_CONFIG,
        message: expect.stringContaining('SIGNET_DATABASE_URL'),
      }),
    );
  });
});

describe('openDatabase', () => {
  it('keeps PGlite data in the configured folder across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'signet-db-'));
    try {
      const first = await openDatabase({ database: { url: undefined, dir: path.join(dir, 'db') } });
      expect(first.kind).toBe('pglite');
      await first.execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      await first.close();
      const second = await openDatabase({ database: { url: undefined, dir: path.join(dir, 'db') } });
      expect(await second.query('SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with DATABASE_UNAVAILABLE naming the host, never the password, when PostgreSQL is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const url = 'postgres://signet:s3cret-password@127.0.0.1:1/signet';
    const error = await openDatabase({ database: { url, dir: '/unused' } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: AppErrorCode.DATABASE_UNAVAILABLE });
    expect((error as AppError).message).toContain('127.0.0.1:1');
    expect((error as AppError).message).not.toContain('s3cret');
  });
});
