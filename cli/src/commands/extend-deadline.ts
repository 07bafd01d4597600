import type { Command } from 'commander';
import type { TEnvelopeView, TExtendDeadlineRequest } from '@signet/shared';
import { AppError, AppErrorCode, parseDuration } from '@signet/shared';
import type { CommandContext } from '../command-context';
import { formatTime } from '../format/text';
import { envelopePath } from './show-status';

type ExtendOptions = { to?: string; by?: string; json?: boolean };

/** The extend request for `--to <date>` or `--by <duration>`, checked locally (DEADLINE_IN_PAST, INVALID_DURATION). */
export function buildExtendRequest(options: ExtendOptions, nowMs: number): TExtendDeadlineRequest {
  if (options.by !== undefined) {
    parseDuration(options.by);
    return { extendBy: options.by };
  }
  const deadline = Date.parse(options.to ?? '');
  if (Number.isNaN(deadline))
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: `--to "${options.to}" is not a date-time` });
  if (deadline <= nowMs)
    throw new AppError(AppErrorCode.DEADLINE_IN_PAST, { message: `--to ${options.to} is not in the future` });
  return { expiresAt: new Date(deadline).toISOString() };
}

/** `signet extend <id> --to <ISO date> | --by 7d`: moves the deadline later. */
export function registerExtendCommand(program: Command, ctx: CommandContext): void {
  program
    .command('extend')
    .description('move the deadline of a pending envelope later')
    .argument('<id>', 'envelope id')
    .option('--to <iso>', 'the new deadline, e.g. 2030-01-31T17:00:00Z')
    .option('--by <duration>', 'add to the current deadline, e.g. 7d')
    .option('--json', 'print the raw JSON answer')
    .action(async (envelopeId: string, options: ExtendOptions, command: Command) => {
      if ((options.to === undefined) === (options.by === undefined))
        command.error('error: give exactly one of --to or --by', { exitCode: 2 });
      const body = buildExtendRequest(options, ctx.runtime.now());
      const view = await (await ctx.api()).post<TEnvelopeView>(envelopePath(envelopeId, 'extend'), body);
      ctx.print(options, view, () => `The deadline of ${view.envelopeId} is now ${formatTime(view.expiresAt)} UTC.`);
    });
}
