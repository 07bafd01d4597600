// `@signet/worker/seal` exists so that a process that only seals (the seal benchmark's child) does not pay for the
// Temporal worker SDK. This checks both halves: Jest and Node resolve the subpath, and loading it loads no Temporal.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildEvidencePages, sealPdf, sealPdfPades } from '@signet/worker/seal';

describe('@signet/worker/seal', () => {
  it('exports the sealer and the evidence API', () => {
    expect(typeof sealPdfPades).toBe('function');
    expect(sealPdf).toBe(sealPdfPades);
    expect(typeof buildEvidencePages).toBe('function');
  });

  it('loads no Temporal SDK module, activity or worker main in a fresh Node process', () => {
    const script = "require('@signet/worker/seal'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))";
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' }),
    ) as string[];
    expect(loaded.some((file) => file.includes('seal-entry'))).toBe(true);
    expect(
      loaded.filter((file) => /@temporalio|[\\/]activities[\\/]|[\\/]worker[\\/]dist[\\/]main\.js/.test(file)),
    ).toEqual([]);
    // Nor zod and the schemas of @signet/shared's root: the seal needs only the error catalogue (about 80 ms less).
    expect(loaded.filter((file) => /[\\/]zod[\\/]|[\\/]shared[\\/]dist[\\/]schemas[\\/]/.test(file))).toEqual([]);
  });
});
