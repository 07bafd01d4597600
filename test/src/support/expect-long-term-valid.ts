import { checkWithPdfsig, checkWithQpdf, validateWithDss, validateWithPyHanko } from './oracles';

/**
 * The verdict of every independent validator on a B-LT or B-LTA seal: pyHanko intact, trusted and LTV-valid (at
 * `validationTime`, just after sealing, see docs/validators.md), the EU DSS library at `format` with TOTAL_PASSED,
 * poppler's pdfsig valid and trusted, and qpdf clean. Stop the PKI's services first so LTV comes from the file.
 */
export async function expectLongTermValid(
  pdf: string,
  rootPem: string,
  validationTime: Date,
  format: 'PAdES-BASELINE-LT' | 'PAdES-BASELINE-LTA',
): Promise<void> {
  const [pyhanko, ltv, dss, pdfsig, qpdf] = await Promise.all([
    validateWithPyHanko(pdf, rootPem, { validationTime }),
    validateWithPyHanko(pdf, rootPem, { ltv: true, validationTime }),
    validateWithDss(pdf, rootPem),
    checkWithPdfsig(pdf, rootPem),
    checkWithQpdf(pdf),
  ]);
  expect(pyhanko.signatures[0]).toMatchObject({ intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' });
  expect(pyhanko.signatures[0]!.ltaUpdates).toBe(true);
  expect(pyhanko.valid).toBe(true);
  expect(ltv).toMatchObject({ mode: 'adesverify', valid: true });
  expect(ltv.signatures[0]).toMatchObject({ intact: true, trusted: true, timestamp: 'INTACT:TRUSTED' });
  expect(dss.signatures).toEqual([expect.objectContaining({ format, indication: 'TOTAL_PASSED', errors: [] })]);
  // The signature timestamp, and for B-LTA the document timestamp over the DSS.
  const timestamps = format === 'PAdES-BASELINE-LTA' ? 2 : 1;
  expect(dss.signatures[0]!.timestamps.map((t) => t.indication)).toEqual(Array<string>(timestamps).fill('PASSED'));
  expect(pdfsig.signatures[0]).toMatchObject({ signatureType: 'ETSI.CAdES.detached', valid: true, trusted: true });
  expect(qpdf).toMatchObject({ exitCode: 0, ok: true });
}
