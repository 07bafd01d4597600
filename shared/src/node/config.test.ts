import { AppErrorCode } from '../errors/app-error';
import { loadConfig, requireSealKey } from './config';

const base = { SIGNET_DATA_DIR: '/tmp/signet-unit' };
/** Runs `load` and expects INVALID_CONFIG whose message contains `text`. */
function expectInvalid(load: () => unknown, text: string): void {
  let thrown: unknown;
  try {
    load();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({ code: AppErrorCode.INVALID_CONFIG, message: expect.stringContaining(text) as string });
}

describe('seal configuration', () => {
  it('defaults to B-B without a TSA and to B-LT with one', () => {
    expect(loadConfig(base).seal).toEqual({
      key: undefined,
      tsaUrl: undefined,
      level: 'B-B',
      fieldName: 'Signet seal',
    });
    expect(loadConfig({ ...base, SIGNET_TSA_URL: 'http://tsa.example/tsr' }).seal.level).toBe('B-LT');
  });

  it('takes an explicit level, and refuses B-T and above without a TSA', () => {
    const tsa = { SIGNET_TSA_URL: 'http://tsa.example/tsr' };
    expect(loadConfig({ ...base, ...tsa, SIGNET_SEAL_LEVEL: 'B-LTA' }).seal.level).toBe('B-LTA');
    expect(loadConfig({ ...base, ...tsa, SIGNET_SEAL_LEVEL: 'B-B' }).seal.level).toBe('B-B');
    expectInvalid(() => loadConfig({ ...base, SIGNET_SEAL_LEVEL: 'B-T' }), 'SIGNET_TSA_URL');
    expectInvalid(() => loadConfig({ ...base, SIGNET_SEAL_LEVEL: 'B-X' }), 'SIGNET_SEAL_LEVEL');
    expectInvalid(() => loadConfig({ ...base, SIGNET_TSA_URL: 'not a url' }), 'SIGNET_TSA_URL');
  });

  it('reads a PKCS#12 key or a PEM key with its certificates, as absolute paths', () => {
    expect(
      loadConfig({ ...base, SIGNET_SEAL_P12_FILE: '/k/seal.p12', SIGNET_SEAL_P12_PASSWORD: 'pw' }).seal.key,
    ).toEqual({
      kind: 'pkcs12',
      file: '/k/seal.p12',
      password: 'pw',
    });
    const pem = loadConfig({ ...base, SIGNET_SEAL_KEY_FILE: 'k/seal.key', SIGNET_SEAL_CERT_FILE: 'k/chain.pem' }).seal
      .key;
    expect(pem).toEqual({
      kind: 'pem',
      keyFile: expect.stringMatching(/^\/.*k\/seal\.key$/),
      certificateFile: expect.stringMatching(/^\/.*k\/chain\.pem$/),
    });
  });

  it('refuses half a PEM pair and two kinds of key at once', () => {
    expectInvalid(() => loadConfig({ ...base, SIGNET_SEAL_KEY_FILE: '/k/seal.key' }), 'go together');
    expectInvalid(
      () =>
        loadConfig({
          ...base,
          SIGNET_SEAL_P12_FILE: '/k/a.p12',
          SIGNET_SEAL_KEY_FILE: '/k/a.key',
          SIGNET_SEAL_CERT_FILE: '/k/a.pem',
        }),
      'not both',
    );
  });

  it('requireSealKey says how to configure a key when there is none', () => {
    expectInvalid(() => requireSealKey(loadConfig(base).seal), 'SIGNET_SEAL_P12_FILE');
  });
});
