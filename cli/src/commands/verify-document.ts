import type { Command } from 'commander';
import { AppError, AppErrorCode } from '@signet/shared';
import type { VerifyReport } from '@signet/shared/node';
import type { CommandContext } from '../command-context';
import { formatVerifyReport } from '../format/verify-report';
import { collect } from './option-parsers';
import { readPdfFile } from './send-request';

async function readTrustFile(ctx: CommandContext, file: string): Promise<string> {
  let text: string;
  try {
    text = (await ctx.runtime.readFile(file)).toString('utf8');
  } catch (cause) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: `--trust ${file}: cannot read the file`, cause });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: `--trust ${file}: not a PEM certificate file` });
  }
  return text;
}

/** `signet verify <file.pdf>`: uploads the PDF to `POST /api/v1/verify` and prints each signature and a verdict. */
export function registerVerifyCommand(program: Command, ctx: CommandContext): void {
  program
    .command('verify')
    .description('verify the signatures and seal of a PDF: validity, PAdES level, timestamp, later changes')
    .argument('<file>', 'the PDF to verify')
    .option('--trust <pem-file>', "a trusted root certificate (PEM); repeatable; default: the server's roots", collect)
    .option('--json', 'print the raw JSON answer')
    .action(async (file: string, options: { json?: boolean; trust?: string[] }) => {
      const pdf = await readPdfFile(ctx.runtime.readFile, file);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf.bytes)], { type: 'application/pdf' }), pdf.fileName);
      for (const root of options.trust ?? []) form.append('trustedRoots', await readTrustFile(ctx, root));
      const report = await (await ctx.api()).postForm<VerifyReport>('/verify', form);
      ctx.print(options, report, () => formatVerifyReport(report));
    });
}
