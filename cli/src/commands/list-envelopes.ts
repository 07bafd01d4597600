import type { Command } from 'commander';
import { Option } from 'commander';
import type { TEnvelopeList } from '@signet/shared';
import { ENVELOPE_STATUSES } from '@signet/shared';
import type { CommandContext } from '../command-context';
import { formatEnvelopeList } from '../format/envelope-list';
import { nonNegativeInteger } from './option-parsers';

type ListOptions = {
  status?: string;
  sender?: string;
  expiringBefore?: string;
  pageSize?: number;
  pageToken?: string;
  json?: boolean;
};

/** The query string of `GET /api/v1/envelopes` for these options. */
export function listQueryOf(options: ListOptions): string {
  const query = new URLSearchParams();
  if (options.status) query.set('status', options.status);
  if (options.sender) query.set('senderEmail', options.sender);
  if (options.expiringBefore) query.set('expiringBefore', options.expiringBefore);
  if (options.pageSize !== undefined) query.set('pageSize', String(options.pageSize));
  if (options.pageToken) query.set('nextPageToken', options.pageToken);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** `signet list`: envelopes from the engine's index, newest state first, one page at a time. */
export function registerListCommand(program: Command, ctx: CommandContext): void {
  program
    .command('list')
    .description('list envelopes')
    .addOption(new Option('--status <status>', 'only envelopes in this status').choices(ENVELOPE_STATUSES))
    .option('--sender <email>', 'only envelopes sent by this address')
    .option('--expiring-before <iso>', 'only envelopes whose deadline is before this date-time')
    .option('--page-size <n>', 'envelopes per page (1-100, default 25)', nonNegativeInteger)
    .option('--page-token <token>', 'the token printed under the previous page')
    .option('--json', 'print the raw JSON answer')
    .action(async (options: ListOptions) => {
      const list = await (await ctx.api()).get<TEnvelopeList>(`/envelopes${listQueryOf(options)}`);
      ctx.print(options, list, () => formatEnvelopeList(list));
    });
}
