// Offline test PKI made at test time with the system `openssl` (nothing secret is committed), and the loopback HTTP
// services that make it usable for B-T/B-LT: RFC 3161 TSA, OCSP for both CA levels, CRLs and CA certificates.
// Layout (pdf guide §7): root CA → intermediate CA → seal / TSA / OCSP responder, and root CA → root OCSP responder.
// Each CA level answers OCSP through its own delegated responder (OCSPSigning, id-pkix-ocsp-nocheck).
// One file on purpose: the OpenSSL configuration, the issuing steps and the responder share one directory layout.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_REQUEST_BYTES = 64 * 1024;

export type TestPkiOptions = {
  /** Loopback port the certificates' AIA and CRL distribution points name, and `startPkiServices` listens on. */
  port: number;
  /** Password of the seal's PKCS#12 file. */
  p12Password?: string;
  /** `ec` = P-256 (fast to generate, default), `rsa` = RSA 3072. */
  keyAlgorithm?: 'ec' | 'rsa';
};

export type TestPkiIdentity = { cert: string; key: string };
export type TestPkiCa = TestPkiIdentity & { crl: string; crlPem: string; index: string; keyId: string };

export type TestPki = {
  dir: string;
  port: number;
  baseUrl: string;
  config: string;
  root: TestPkiCa;
  intermediate: TestPkiCa;
  seal: TestPkiIdentity & { p12: string; p12Password: string };
  /** OCSP responder for certificates the intermediate issued. */
  ocsp: TestPkiIdentity;
  /** OCSP responder for certificates the root issued (the intermediate). */
  rootOcsp: TestPkiIdentity;
  tsa: TestPkiIdentity;
  /** Intermediate then root, PEM: what a signer embeds next to its own certificate. */
  chain: string;
};

export type PkiServices = { url: string; stop: () => Promise<void> };

async function openssl(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run('openssl', args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0] ?? ''} failed: ${stderr.trim() || String(error)}`);
  }
}

function leafExtensions(base: string, issuer: 'root' | 'intermediate'): string {
  return [
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    `authorityInfoAccess = OCSP;URI:${base}/ocsp, caIssuers;URI:${base}/${issuer}.crt`,
    `crlDistributionPoints = URI:${base}/${issuer}.crl`,
  ].join('\n');
}

function caSection(name: string, dir: string): string {
  return `[ ca_${name} ]
dir = ${dir}/${name}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
crlnumber = $dir/crlnumber
certificate = ${dir}/${name}.crt
private_key = ${dir}/${name}.key
default_md = sha256
default_days = 3650
default_crl_days = 30
policy = policy_any
copy_extensions = none
unique_subject = no
email_in_dn = no
crl_extensions = crl_ext
`;
}

function opensslConfig(dir: string, base: string): string {
  return `[ ca ]
default_ca = ca_intermediate
${caSection('root', dir)}
${caSection('intermediate', dir)}
[ policy_any ]
commonName = supplied
organizationName = optional
[ req ]
distinguished_name = req_dn
[ req_dn ]
[ crl_ext ]
authorityKeyIdentifier = keyid:always
[ v3_root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_intermediate ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
${leafExtensions(base, 'root')}
[ v3_seal ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
# S/MIME (NSS/pdfsig email-signer rules) + id-kp-documentSigning (RFC 9336)
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
${leafExtensions(base, 'intermediate')}
[ v3_ocsp ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_tsa ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
${leafExtensions(base, 'intermediate')}
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ${dir}/tsa/serial
crypto_device = builtin
signer_cert = ${dir}/tsa.crt
signer_key = ${dir}/tsa.key
certs = ${dir}/chain.pem
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
}

/** One day in the past, so validators never see a certificate that is "not yet valid" because of clock skew. */
function startDate(): string {
  return new Date(Date.now() - 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

async function issue(
  pki: { dir: string; config: string; keyArgs: string[] },
  name: string,
  ca: 'root' | 'intermediate' | 'self',
  extensions: string,
): Promise<TestPkiIdentity> {
  const key = join(pki.dir, `${name}.key`);
  const cert = join(pki.dir, `${name}.crt`);
  const csr = join(pki.dir, `${name}.csr`);
  await openssl(
    ['req', '-new', '-config', pki.config, ...pki.keyArgs, '-noenc', '-keyout', key, '-out', csr].concat([
      '-subj',
      `/O=Signet Test/CN=Signet Test ${name}`,
    ]),
  );
  const caArgs = ca === 'self' ? ['-name', 'ca_root', '-selfsign', '-keyfile', key] : ['-name', `ca_${ca}`];
  await openssl(
    ['ca', '-batch', '-config', pki.config, ...caArgs, '-extensions', extensions, '-notext'].concat([
      '-startdate',
      startDate(),
      '-in',
      csr,
      '-out',
      cert,
    ]),
  );
  return { cert, key };
}

async function prepareCaDir(dir: string, name: string): Promise<void> {
  await mkdir(join(dir, name, 'newcerts'), { recursive: true });
  await writeFile(join(dir, name, 'index.txt'), '');
  await writeFile(join(dir, name, 'index.txt.attr'), 'unique_subject = no\n');
  await writeFile(join(dir, name, 'serial'), name === 'root' ? '1000\n' : '2000\n');
  await writeFile(join(dir, name, 'crlnumber'), '1000\n');
}

/** Regenerates a CA's CRL (PEM and DER), e.g. after `openssl ca -revoke`. */
export async function updateCrl(pki: TestPki, ca: 'root' | 'intermediate'): Promise<void> {
  const { crl, crlPem } = pki[ca];
  await openssl(['ca', '-gencrl', '-config', pki.config, '-name', `ca_${ca}`, '-out', crlPem]);
  await openssl(['crl', '-in', crlPem, '-outform', 'DER', '-out', crl]);
}

async function subjectKeyId(cert: string): Promise<string> {
  const text = await openssl(['x509', '-in', cert, '-noout', '-ext', 'subjectKeyIdentifier']);
  return (/([0-9A-F]{2}(?::[0-9A-F]{2})+)/i.exec(text)?.[1] ?? '').replace(/:/g, '').toUpperCase();
}

/** Creates the whole PKI under `dir` (which must be empty or absent). Takes about a second with P-256 keys. */
export async function createTestPki(dir: string, options: TestPkiOptions): Promise<TestPki> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const config = join(dir, 'ca.cnf');
  const keyArgs =
    options.keyAlgorithm === 'rsa'
      ? ['-newkey', 'rsa:3072']
      : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:named_curve'];
  await mkdir(join(dir, 'tsa'), { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  await Promise.all([prepareCaDir(dir, 'root'), prepareCaDir(dir, 'intermediate')]);
  await writeFile(join(dir, 'tsa', 'serial'), '01\n');
  await writeFile(config, opensslConfig(dir, baseUrl));

  const ctx = { dir, config, keyArgs };
  const root = await issue(ctx, 'root', 'self', 'v3_root');
  const intermediate = await issue(ctx, 'intermediate', 'root', 'v3_intermediate');
  const seal = await issue(ctx, 'seal', 'intermediate', 'v3_seal');
  const ocsp = await issue(ctx, 'ocsp', 'intermediate', 'v3_ocsp');
  const rootOcsp = await issue(ctx, 'root-ocsp', 'root', 'v3_ocsp');
  const tsa = await issue(ctx, 'tsa', 'intermediate', 'v3_tsa');

  const chain = join(dir, 'chain.pem');
  await writeFile(chain, (await readFile(intermediate.cert, 'utf8')) + (await readFile(root.cert, 'utf8')));
  const p12 = join(dir, 'seal.p12');
  const p12Password = options.p12Password ?? 'signet-test';
  await openssl(
    ['pkcs12', '-export', '-inkey', seal.key, '-in', seal.cert, '-certfile', chain].concat([
      '-name',
      'Signet Test seal',
      '-passout',
      'env:SIGNET_TEST_P12_PASSWORD',
      '-out',
      p12,
    ]),
    { SIGNET_TEST_P12_PASSWORD: p12Password },
  );

  const ca = async (name: 'root' | 'intermediate', id: TestPkiIdentity): Promise<TestPkiCa> => ({
    ...id,
    crl: join(dir, `${name}.crl`),
    crlPem: join(dir, `${name}.crl.pem`),
    index: join(dir, name, 'index.txt'),
    keyId: await subjectKeyId(id.cert),
  });
  const pki: TestPki = {
    dir,
    port: options.port,
    baseUrl,
    config,
    root: await ca('root', root),
    intermediate: await ca('intermediate', intermediate),
    seal: { ...seal, p12, p12Password },
    ocsp,
    rootOcsp,
    tsa,
    chain,
  };
  await updateCrl(pki, 'root');
  await updateCrl(pki, 'intermediate');
  return pki;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
    throw Object.assign(new Error('request too large'), { statusCode: 413 });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw Object.assign(new Error('request too large'), { statusCode: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Runs `body` with a private temporary directory: concurrent requests never share a file. */
async function withTempDir<T>(pki: TestPki, body: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = await mkdtemp(join(pki.dir, 'tmp', 'req-'));
  try {
    return await body(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function answerTimestamp(pki: TestPki, query: Buffer): Promise<Buffer> {
  return withTempDir(pki, async (tmp) => {
    await writeFile(join(tmp, 'query.tsq'), query);
    await openssl(
      ['ts', '-reply', '-config', pki.config, '-section', 'tsa_config'].concat([
        '-queryfile',
        join(tmp, 'query.tsq'),
        '-out',
        join(tmp, 'reply.tsr'),
      ]),
    );
    return readFile(join(tmp, 'reply.tsr'));
  });
}

async function answerOcsp(pki: TestPki, request: Buffer): Promise<Buffer> {
  return withTempDir(pki, async (tmp) => {
    const reqFile = join(tmp, 'request.der');
    await writeFile(reqFile, request);
    // The issuer key hash (SHA-1 of the issuer's public key) equals the CAs' `subjectKeyIdentifier = hash`.
    const text = await openssl(['ocsp', '-reqin', reqFile, '-req_text', '-noverify']);
    const issuerKeyHash = /Issuer Key Hash:\s*([0-9A-F]+)/i.exec(text)?.[1]?.toUpperCase();
    const signer =
      issuerKeyHash === pki.root.keyId
        ? { ca: pki.root, rsigner: pki.rootOcsp }
        : { ca: pki.intermediate, rsigner: pki.ocsp };
    await openssl(
      ['ocsp', '-index', signer.ca.index, '-CA', signer.ca.cert, '-rsigner', signer.rsigner.cert].concat([
        '-rkey',
        signer.rsigner.key,
        '-ndays',
        '7',
        '-reqin',
        reqFile,
        '-respout',
        join(tmp, 'response.der'),
      ]),
    );
    return readFile(join(tmp, 'response.der'));
  });
}

async function certificateDer(pem: string): Promise<Buffer> {
  return new X509Certificate(await readFile(pem)).raw;
}

type Serialise = <T>(task: () => Promise<T>) => Promise<T>;

async function route(
  pki: TestPki,
  request: IncomingMessage,
  serialise: Serialise,
): Promise<{ type: string; body: Buffer } | undefined> {
  const path = (request.url ?? '').split('?')[0];
  if (request.method === 'POST' && path === '/tsa') {
    const query = await readBody(request);
    // `openssl ts -reply` reads and rewrites the serial file: one reply at a time keeps serials unique.
    return { type: 'application/timestamp-reply', body: await serialise(() => answerTimestamp(pki, query)) };
  }
  if (request.method === 'POST' && path === '/ocsp') {
    return { type: 'application/ocsp-response', body: await answerOcsp(pki, await readBody(request)) };
  }
  if (request.method !== 'GET') return undefined;
  if (path === '/root.crl') return { type: 'application/pkix-crl', body: await readFile(pki.root.crl) };
  if (path === '/intermediate.crl') return { type: 'application/pkix-crl', body: await readFile(pki.intermediate.crl) };
  if (path === '/root.crt') return { type: 'application/pkix-cert', body: await certificateDer(pki.root.cert) };
  if (path === '/intermediate.crt') {
    return { type: 'application/pkix-cert', body: await certificateDer(pki.intermediate.cert) };
  }
  return undefined;
}

/** Serves the PKI on 127.0.0.1:<pki.port> (loopback only). `stop()` closes the server and its connections. */
export async function startPkiServices(pki: TestPki): Promise<PkiServices> {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise: Serialise = (task) => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    route(pki, request, serialise).then(
      (result) => {
        if (!result) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-type': result.type, 'content-length': result.body.length });
        response.end(result.body);
      },
      (error: unknown) => {
        const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
        response.writeHead(statusCode, { 'content-type': 'text/plain', connection: 'close' });
        response.end(String(error));
      },
    );
  };
  const server = createServer(handle);
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(pki.port, '127.0.0.1', resolve);
  });
  return {
    url: pki.baseUrl,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
