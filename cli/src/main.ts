import { Command, CommanderError } from 'commander';
import { AppError, AppErrorCode } from '@signet/shared';
import type { CommandContext } from './command-context';
import { createCommandContext } from './command-context';
import { registerCancelCommand } from './commands/cancel-envelope';
import { registerExtendCommand } from './commands/extend-deadline';
import { registerListCommand } from './commands/list-envelopes';
import { registerRemindCommand } from './commands/remind-recipients';
import { registerSendCommand } from './commands/send-envelope';
import { registerStatusCommand } from './commands/show-status';
import { registerVerifyCommand } from './commands/verify-document';
import type { CliRuntime } from './runtime';
import { createProcessRuntime } from './runtime';

/** Exit codes: 0 done, 1 the request failed (an AppError code is printed), 2 the command line is wrong. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** The `signet` program. Usage errors throw CommanderError instead of exiting, so `main` picks the code. */
export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('signet')
    .description('Send documents for signature and follow them, over the Signet HTTP API.')
    .exitOverride()
    .configureOutput({ writeOut: ctx.runtime.stdout, writeErr: ctx.runtime.stderr })
    .showHelpAfterError('(run "signet <command> --help" for usage)');
  registerSendCommand(program, ctx);
  registerStatusCommand(program, ctx);
  registerListCommand(program, ctx);
  registerCancelCommand(program, ctx);
  registerExtendCommand(program, ctx);
  registerRemindCommand(program, ctx);
  registerVerifyCommand(program, ctx);
  return program;
}

function reportFailure(error: unknown, json: boolean, runtime: CliRuntime): void {
  // A local tool may show an unexpected error's text; the API never does.
  const appError =
    error instanceof AppError
      ? error
      : new AppError(AppErrorCode.INTERNAL, { message: error instanceof Error ? error.message : String(error) });
  if (json) {
    const details = appError.details ? { details: appError.details } : {};
    runtime.stdout(
      `${JSON.stringify({ error: { code: appError.code, message: appError.message, ...details } }, null, 2)}\n`,
    );
  } else {
    runtime.stderr(`error [${appError.code}]: ${appError.message}\n`);
  }
}

/** Runs `signet` with `args` (without node and script) and resolves to the exit code. */
export async function main(args: string[], runtime: CliRuntime = createProcessRuntime()): Promise<number> {
  const ctx = createCommandContext(runtime);
  try {
    await buildProgram(ctx).parseAsync(args, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    reportFailure(error, args.includes('--json'), runtime);
    return EXIT.FAILED;
  }
}
