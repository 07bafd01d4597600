import { AppErrorCode } from '@signet/shared';
import { makeEncryptedPdf, makePdf } from '../test-support/pdf-fixtures';
import { inspectPdf } from './inspect-pdf';

const options = { maxBytes: 1024 * 1024, maxPages: 1000, name: 'contract.pdf' };

describe('inspectPdf', () => {
  it('accepts a real PDF and reports its hash and pages', async () => {
    const bytes = await makePdf(3);
    const facts = await inspectPdf(bytes, options);
    expect(facts.pageCount).toBe(3);
    expect(facts.size).toBe(bytes.length);
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a zero-byte file as INVALID_DOCUMENT', async () => {
    await expect(inspectPdf(Buffer.alloc(0), options)).rejects.toMatchObject({ code: AppErrorCode.INVALID_DOCUMENT });
  });

  it('rejects a text file named .pdf as NOT_A_PDF (content decides, not the name)', async () => {
    await expect(inspectPdf(Buffer.from('Dear Bob, please sign.\n'), options)).rejects.toMatchObject({
      code: AppErrorCode.NOT_A_PDF,
    });
  });

  it('rejects a file with a PDF header but unreadable content as INVALID_DOCUMENT', async () => {
    await expect(inspectPdf(Buffer.from('%PDF-1.7\nnot really a pdf\n'), options)).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT,
    });
  });

  it('rejects a truncated PDF as INVALID_DOCUMENT', async () => {
    // pdf-lib warns on the console about each broken object it skips; expected here.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bytes = await makePdf();
    await expect(inspectPdf(bytes.subarray(0, 200), options)).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT,
    });
    warn.mockRestore();
  });

  it('rejects an encrypted PDF as INVALID_DOCUMENT and says so', async () => {
    await expect(inspectPdf(await makeEncryptedPdf(), options)).rejects.toMatchObject({
      code: AppErrorCode.INVALID_DOCUMENT,
      message: 'contract.pdf is encrypted',
    });
  });

  it('rejects a PDF over the limit as DOCUMENT_TOO_LARGE before parsing it', async () => {
    const bytes = await makePdf();
    await expect(inspectPdf(bytes, { ...options, maxBytes: bytes.length - 1 })).rejects.toMatchObject({
      code: AppErrorCode.DOCUMENT_TOO_LARGE,
      details: { size: bytes.length, limit: bytes.length - 1 },
    });
  });

  it('rejects a PDF over the page limit as DOCUMENT_TOO_LARGE naming the page count', async () => {
    const bytes = await makePdf(3);
    await expect(inspectPdf(bytes, { ...options, maxPages: 2 })).rejects.toMatchObject({
      code: AppErrorCode.DOCUMENT_TOO_LARGE,
      message: 'contract.pdf has 3 pages; the limit is 2',
      details: { pages: 3, limit: 2 },
    });
    await expect(inspectPdf(bytes, { ...options, maxPages: 3 })).resolves.toMatchObject({ pageCount: 3 });
  });
});
