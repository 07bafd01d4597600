import { parseCertificate, pemBlocks } from './pki';
import type { RevocationSource } from './revocation-source';
import type { ThrowawayPki } from './testing/throwaway-pki';
import { createThrowawayPki } from './testing/throwaway-pki';
import { collectValidationData } from './validation-data';

let pki: ThrowawayPki;
beforeAll(() => {
  pki = createThrowawayPki();
});
afterAll(() => pki.dispose());

const certificate = (name: string) => parseCertificate(pemBlocks(pki.pem(name), 'CERTIFICATE')[0]!);

describe('collectValidationData', () => {
  it('asks once per certificate when the seal and TSA chains share certificates', async () => {
    // Found by inspecting the DSS of a sealed file: the intermediate appeared in both chains and got two OCSP responses.
    const ocspFor: string[] = [];
    const revocation: RevocationSource = {
      fetchOcsp: (der, issuer) => {
        ocspFor.push(
          parseCertificate(der)
            .subject.typesAndValues.map((t) => t.value.valueBlock.value)
            .join(),
        );
        return pki.revocation.fetchOcsp(der, issuer);
      },
      fetchCrls: (der) => pki.revocation.fetchCrls(der),
    };
    const [seal, root, tsa] = [certificate('seal.crt'), certificate('root.crt'), certificate('tsa.crt')];
    const data = await collectValidationData([seal, root, tsa, root, seal], revocation);
    expect(data.certificates).toHaveLength(3);
    expect(ocspFor).toEqual(['Signet Test seal', 'Signet Test tsa']);
    expect(data.ocspResponses).toHaveLength(2);
  });
});
