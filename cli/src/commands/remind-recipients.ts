import type { Command } from 'commander';
import type { TEnvelopeView } from '@signet/shared';
import type { CommandContext } from '../command-context';
import { collect } from './option-parsers';
import { envelopePath } from './show-status';

/** `signet remind <id>`: a reminder now to every pending recipient (or the ones named). */
export function registerRemindCommand(program: Command, ctx: CommandContext): void {
  program
    .command('remind')
    .description('send a reminder now to the recipients whose turn it is')
    .argument('<id>', 'envelope id')
    .option('--recipient <recipientId>', 'only this recipient (repeatable; ids from "signet status")', collect)
    .option('--json', 'print the raw JSON answer')
    .action(async (envelopeId: string, options: { recipient?: string[]; json?: boolean }) => {
      const only = options.recipient ?? [];
      const body = only.length > 0 ? { recipientIds: only } : {};
      const view = await (await ctx.api()).post<TEnvelopeView>(envelopePath(envelopeId, 'remind'), body);
      const pending = view.recipients.filter((r) => r.status === 'PENDING');
      const names = only.length > 0 ? pending.filter((r) => only.includes(r.id)) : pending;
      ctx.print(
        options,
        view,
        () => `Reminded ${names.map((r) => r.name).join(', ') || 'nobody (no one is pending)'}.`,
      );
    });
}
