import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RevocationSource } from '../revocation-source';
import type { TimestampAuthority } from '../timestamp-authority';
import { createTimestampRequest, readTimestampResponse } from '../rfc3161';

// Test-only: a throwaway PKI made with the system openssl (root, seal, TSA, OCSP responder, CRL) and
// in-process TSA/OCSP fakes that answer by running `openssl ts -reply` / `openssl ocsp` one-shot.

const CONFIG = `
[ ca ]
default_ca = ca_default
[ ca_default ]
dir = .
database = ./db/index.txt
new_certs_dir = ./newcerts
serial = ./db/serial
crlnumber = ./db/crlnumber
certificate = ./ca/root.crt
private_key = ./ca/root.key
default_md = sha256
default_days = 365
default_crl_days = 30
policy = policy_any
copy_extensions = none
unique_subject = no
[ policy_any ]
commonName = supplied
[ req ]
distinguished_name = dn
[ dn ]
[ v3_root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_seal ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://127.0.0.1:18888/ocsp, caIssuers;URI:http://127.0.0.1:18888/root.crt
crlDistributionPoints = URI:http://127.0.0.1:18888/root.crl
[ v3_tsa ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:http://127.0.0.1:18888/ocsp
crlDistributionPoints = URI:http://127.0.0.1:18888/root.crl
[ v3_ocsp ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = .
serial = ./db/tsaserial
signer_cert = ./ca/tsa.crt
signer_key = ./ca/tsa.key
certs = ./ca/root.crt
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
ess_cert_id_alg = sha256
accuracy = secs:1
`;

export type ThrowawayPki = {
  dir: string;
  file(name: string): string;
  pem(name: string): string;
  tsa: TimestampAuthority;
  revocation: RevocationSource;
  /** Number of calls each fake served. */
  calls: { tsa: number; ocsp: number; crl: number };
  dispose(): void;
};

export function createThrowawayPki(): ThrowawayPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signet-pki-'));
  const run = (args: string[], input?: Buffer): Buffer =>
    execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
  for (const d of ['ca', 'db', 'newcerts']) mkdirSync(path.join(dir, d));
  writeFileSync(path.join(dir, 'ca.cnf'), CONFIG);
  writeFileSync(path.join(dir, 'db/index.txt'), '');
  writeFileSync(path.join(dir, 'db/serial'), '1000\n');
  writeFileSync(path.join(dir, 'db/crlnumber'), '1000\n');
  writeFileSync(path.join(dir, 'db/tsaserial'), '01\n');
  run([
    'req',
    '-x509',
    '-config',
    'ca.cnf',
    '-extensions',
    'v3_root',
    '-newkey',
    'rsa:2048',
    '-noenc',
    '-keyout',
    'ca/root.key',
    '-out',
    'ca/root.crt',
    '-days',
    '3650',
    '-subj',
    '/CN=Signet Test Root',
  ]);
  for (const name of ['seal', 'tsa', 'ocsp']) {
    run([
      'req',
      '-new',
      '-config',
      'ca.cnf',
      '-newkey',
      'rsa:2048',
      '-noenc',
      '-keyout',
      `ca/${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=Signet Test ${name}`,
    ]);
    run([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-extensions',
      `v3_${name}`,
      '-notext',
      '-in',
      `${name}.csr`,
      '-out',
      `ca/${name}.crt`,
    ]);
  }
  run(['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'ca/root.crl.pem']);
  run(['crl', '-in', 'ca/root.crl.pem', '-outform', 'DER', '-out', 'ca/root.crl']);
  run([
    'pkcs12',
    '-export',
    '-inkey',
    'ca/seal.key',
    '-in',
    'ca/seal.crt',
    '-certfile',
    'ca/root.crt',
    '-passout',
    'pass:test',
    '-out',
    'ca/seal.p12',
  ]);
  const file = (name: string): string => path.join(dir, 'ca', name);
  const calls = { tsa: 0, ocsp: 0, crl: 0 };
  const tsa: TimestampAuthority = {
    timestamp: async (digest) => {
      calls.tsa += 1;
      const request = createTimestampRequest(digest);
      writeFileSync(path.join(dir, 'ts.req'), request.der);
      run(['ts', '-reply', '-config', 'ca.cnf', '-section', 'tsa_config', '-queryfile', 'ts.req', '-out', 'ts.resp']);
      const reply = new Uint8Array(readFileSync(path.join(dir, 'ts.resp')));
      return readTimestampResponse(reply, digest, request.nonce);
    },
  };
  const revocation: RevocationSource = {
    fetchOcsp: async (certificate) => {
      calls.ocsp += 1;
      writeFileSync(path.join(dir, 'q.crt'), toPem(certificate));
      run(['ocsp', '-issuer', 'ca/root.crt', '-cert', 'q.crt', '-no_nonce', '-reqout', 'q.req']);
      run([
        'ocsp',
        '-index',
        'db/index.txt',
        '-CA',
        'ca/root.crt',
        '-rsigner',
        'ca/ocsp.crt',
        '-rkey',
        'ca/ocsp.key',
        '-ndays',
        '7',
        '-reqin',
        'q.req',
        '-respout',
        'q.resp',
      ]);
      return new Uint8Array(readFileSync(path.join(dir, 'q.resp')));
    },
    fetchCrls: async () => {
      calls.crl += 1;
      return [new Uint8Array(readFileSync(file('root.crl')))];
    },
  };
  return {
    dir,
    file,
    pem: (name) => readFileSync(file(name), 'utf8'),
    tsa,
    revocation,
    calls,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
