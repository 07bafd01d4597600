import type { Command } from 'commander';
import type { VerifyReport } from '@signet/shared/node';
import type { CommandContext } from '../command-context';
import { formatVerifyReport } from '../format/verify-report';
import { readPdfFile } from './send-request';

/** `signet verify <file.pdf>`: uploads the PDF to `POST /api/v1/verify` and prints each signature and a verdict. */
export function registerVerifyCommand(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description('verify the signatures and seal of a PDF: validity, PAdES level, timestamp, later changes')
    .argument('<file>', 'the PDF to verify')
    .option('--json', 'print the raw JSON answer')
    .action(async (file: string, options: { json?: boolean }) => {
      const pdf = await readPdfFile(ctx.runtime.readFile, file);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf.bytes)], { type: 'application/pdf' }), pdf.fileName);
      const report = await (await ctx.api()).postForm<VerifyReport>('/verify', form);
      ctx.print(options, report, () => formatVerifyReport(report));
    });
}
