import type { Command } from 'commander';
import type { TEnvelopeView } from '@signet/shared';
import type { CommandContext } from '../command-context';
import { formatEnvelopeStatus } from '../format/envelope-status';

/** Path of one envelope's resource, with the id escaped. */
export function envelopePath(envelopeId: string, action = ''): string {
  return `/envelopes/${encodeURIComponent(envelopeId)}${action ? `/${action}` : ''}`;
}

/** `signet status <id>`: recipients with their state and times, deadline, next reminder, audit trail. */
export function registerStatusCommand(program: Command, ctx: CommandContext): void {
  program
    .command('status')
    .description('show an envelope: recipients, deadline, reminders and audit trail')
    .argument('<id>', 'envelope id')
    .option('--json', 'print the raw JSON answer')
    .action(async (envelopeId: string, options: { json?: boolean }) => {
      const view = await (await ctx.api()).get<TEnvelopeView>(envelopePath(envelopeId));
      ctx.print(options, view, () => formatEnvelopeStatus(view));
    });
}
