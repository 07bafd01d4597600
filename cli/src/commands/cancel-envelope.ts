import type { Command } from 'commander';
import type { TEnvelopeView } from '@signet/shared';
import { AppError, AppErrorCode } from '@signet/shared';
import type { CommandContext } from '../command-context';
import { envelopePath } from './show-status';

/** `signet cancel <id> --reason <r>`: ends a pending envelope; involved recipients are told why. */
export function registerCancelCommand(program: Command, ctx: CommandContext): void {
  program
    .command('cancel')
    .description('cancel a pending envelope')
    .argument('<id>', 'envelope id')
    .requiredOption('--reason <reason>', 'why, shown to the recipients')
    .option('--json', 'print the raw JSON answer')
    .action(async (envelopeId: string, options: { reason: string; json?: boolean }) => {
      if (!options.reason.trim()) throw new AppError(AppErrorCode.REASON_REQUIRED);
      const view = await (
        await ctx.api()
      ).post<TEnvelopeView>(envelopePath(envelopeId, 'cancel'), { reason: options.reason });
      ctx.print(options, view, () => `Envelope ${view.envelopeId} is ${view.status}.`);
    });
}
