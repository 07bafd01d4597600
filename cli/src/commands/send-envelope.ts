import type { Command } from 'commander';
import type { TCreateEnvelopeResponse } from '@signet/shared';
import type { CommandContext } from '../command-context';
import type { SendOptions } from './send-request';
import { buildSendRequest, readPdfFile } from './send-request';
import { collect, nonNegativeInteger } from './option-parsers';

type RepeatedOption = 'to' | 'name' | 'approver' | 'cc' | 'library';
type GivenSendOptions = Omit<SendOptions, RepeatedOption | 'sender'> &
  Partial<Pick<SendOptions, RepeatedOption | 'sender'>>;

/** `signet send <files...>`: uploads local PDFs (or names library documents) and sends them for signature. */
export function registerSendCommand(program: Command, ctx: CommandContext): void {
  program
    .command('send')
    .description('send PDFs for signature')
    .argument('[files...]', 'local PDF files to upload')
    .option('--to <email>', 'signer; repeat for more, in signing order', collect)
    .option('--name <name>', 'name of the --to signer in the same position', collect)
    .option('--approver <email>', 'approver, after the signers (repeatable)', collect)
    .option('--cc <email>', 'receives a copy of the signed documents (repeatable)', collect)
    .option('--parallel', 'everyone signs at once instead of one after another')
    .requiredOption('--subject <subject>', 'subject of the invitation')
    .option('--message <message>', 'message to the recipients')
    .option('--expires <when>', 'deadline: a duration (14d) or an ISO date-time')
    .option('--warn-before <duration>', 'warn pending recipients this long before the deadline (2d)')
    .option('--remind-after <duration>', 'first reminder after (default 3d)')
    .option('--remind-every <duration>', 'later reminders every (default 2d)')
    .option('--max-reminders <n>', 'most reminders per recipient (default 3)', nonNegativeInteger)
    .option('--no-reminders', 'send no automatic reminders')
    .option('--sender <email>', 'your address (default $SIGNET_SENDER_EMAIL)')
    .option('--sender-name <name>', 'your name as recipients see it')
    .option('--no-delegation', 'recipients may not delegate')
    .option('--library <path>', 'a document already in the library (repeatable)', collect)
    .option('--id <envelopeId>', 'your own envelope id, which makes a retried send safe')
    .option('--json', 'print the raw JSON answer')
    .action(async (files: string[], given: GivenSendOptions, command: Command) => {
      const options: SendOptions = {
        ...given,
        ...{
          to: given.to ?? [],
          name: given.name ?? [],
          approver: given.approver ?? [],
          cc: given.cc ?? [],
          library: given.library ?? [],
        },
        sender: given.sender ?? ctx.runtime.env.SIGNET_SENDER_EMAIL ?? '',
      };
      if (!options.sender)
        command.error('error: --sender <email> is required (or set SIGNET_SENDER_EMAIL)', { exitCode: 2 });
      if (options.name.length > options.to.length)
        command.error('error: more --name than --to options', { exitCode: 2 });
      const request = buildSendRequest(options, files.length, ctx.runtime.now());
      // Every local check, files included, comes before the API (and its token) is needed.
      const pdfs = [];
      for (const file of files) pdfs.push(await readPdfFile(ctx.runtime.readFile, file));
      const api = await ctx.api();
      let answer: TCreateEnvelopeResponse;
      if (pdfs.length === 0) {
        answer = await api.post<TCreateEnvelopeResponse>('/envelopes', request);
      } else {
        const form = new FormData();
        form.append('envelope', JSON.stringify(request));
        for (const pdf of pdfs)
          form.append('file', new Blob([new Uint8Array(pdf.bytes)], { type: 'application/pdf' }), pdf.fileName);
        answer = await api.postForm<TCreateEnvelopeResponse>('/envelopes/upload', form);
      }
      const count = request.recipients.length;
      ctx.print(
        options,
        answer,
        () =>
          `Sent envelope ${answer.envelopeId} (${answer.status}) to ${count} recipient${count === 1 ? '' : 's'}.\nFollow it with: signet status ${answer.envelopeId}`,
      );
    });
}
