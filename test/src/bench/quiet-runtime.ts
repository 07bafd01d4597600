import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * SDK and core logs at WARN and above, all on stderr. Core otherwise prints its own logs straight to stdout,
 * which belongs to the JSON result. Must run before the first connection or worker is created.
 */
export function installQuietRuntime(): void {
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}
