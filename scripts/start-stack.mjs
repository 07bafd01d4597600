#!/usr/bin/env node
// `npm start`: runs the whole stack on embedded defaults and stops it cleanly on Ctrl-C.
//   Temporal dev server (SQLite under .data/, Web UI :8233) · MailDev (SMTP :1025, inbox :1080) · worker · API (:3000)
//   · a local development PKI (.data/pki: seal key, RFC 3161 TSA and OCSP on :3090) so documents are sealed at B-LT
//   · a local OpenID Connect issuer standing in for Entra ID (:3091, test/oidc/local-oidc.mjs) unless SIGNET_OIDC_ISSUER is set
// Secrets are generated once into .data/secrets.env (mode 600) and never leave this machine.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(process.env.SIGNET_DATA_DIR ?? path.join(ROOT, '.data'));
const PORTS = {
  temporal: Number(process.env.SIGNET_TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.SIGNET_TEMPORAL_UI_PORT ?? 8233),
  smtp: Number(process.env.SIGNET_SMTP_PORT ?? 1025),
  inbox: Number(process.env.SIGNET_INBOX_PORT ?? 1080),
  api: Number(process.env.SIGNET_API_PORT ?? 3000),
  pki: Number(process.env.SIGNET_DEV_PKI_PORT ?? 3090),
  oidc: Number(process.env.SIGNET_DEV_OIDC_PORT ?? 3091),
};
// A seal key of the user's own (and their TSA) replaces the local development PKI.
const OWN_SEAL = Boolean(process.env.SIGNET_SEAL_P12_FILE || process.env.SIGNET_SEAL_KEY_FILE);
// An Entra tenant (or other issuer) of the user's own replaces the local OpenID Connect issuer.
const OWN_OIDC = Boolean(process.env.SIGNET_OIDC_ISSUER);
const DEV_AUDIENCE = 'api://signet-local';
const SEARCH_ATTRIBUTES = [
  'EnvelopeStatus=Keyword',
  'SenderId=Keyword',
  'SourceLibrary=Keyword',
  'ExpiresAt=Datetime',
  'NextReminderAt=Datetime',
  'ActedCount=Int',
  'RequiredCount=Int',
];

function loadSecrets() {
  const file = path.join(DATA, 'secrets.env');
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    const secret = () => randomBytes(32).toString('base64url');
    writeFileSync(file, `SIGNET_LINK_SECRET=${secret()}\nSIGNET_API_TOKEN=${secret()}\n`, { mode: 0o600 });
  }
  // The worker's service token for the API's internal routes (added to data folders made before it existed).
  if (!readEnvFile(file).SIGNET_INTERNAL_TOKEN) {
    appendFileSync(file, `SIGNET_INTERNAL_TOKEN=${randomBytes(32).toString('base64url')}\n`);
  }
  // The local issuer's client secret (added to data folders made before it existed).
  if (!readEnvFile(file).SIGNET_DEV_OIDC_SECRET) {
    appendFileSync(file, `SIGNET_DEV_OIDC_SECRET=${randomBytes(32).toString('base64url')}\n`);
  }
  return readEnvFile(file);
}

/**
 * Starts the local OpenID Connect issuer with two users, sender sam@example.com (client `sender`) and admin
 * ada@example.com (client `admin`, app role Signet.Admin), and returns the API's SIGNET_OIDC_* variables.
 */
/**
 * The local issuer's interactive clients for recipients (decision 0014): `signet-recipients` for Microsoft
 * sign-in and `signet-strong-broker` acting as the strong-authentication broker, both returning to the API's
 * callback. Skipped for a provider the user configured (SIGNET_RECIPIENT_OIDC_ISSUER / SIGNET_STRONG_OIDC_ISSUER).
 */
function recipientIdentityProviders(secret) {
  const publicUrl = (process.env.SIGNET_PUBLIC_URL ?? `http://127.0.0.1:${PORTS.api}`).replace(/\/+$/, '');
  const redirectUris = [`${publicUrl}/api/v1/recipient-oidc/callback`];
  const issuer = `http://127.0.0.1:${PORTS.oidc}`;
  const providers = [
    ['SIGNET_RECIPIENT_OIDC', 'signet-recipients', {}],
    ['SIGNET_STRONG_OIDC', 'signet-strong-broker', { SIGNET_STRONG_OIDC_NAME: 'Local bank ID (development)' }],
  ].filter(([prefix]) => !process.env[`${prefix}_ISSUER`]);
  return {
    clients: providers.map(([, clientId]) => ({ clientId, clientSecret: secret, redirectUris })),
    env: Object.assign(
      {},
      ...providers.map(([prefix, clientId, extra]) => ({
        [`${prefix}_ISSUER`]: issuer,
        [`${prefix}_CLIENT_ID`]: clientId,
        [`${prefix}_CLIENT_SECRET`]: secret,
        ...extra,
      })),
    ),
  };
}

async function startDevOidc(secret) {
  const users = [
    { email: 'sam@example.com', name: 'Sam Sender', clientId: 'sender', clientSecret: secret },
    { email: 'ada@example.com', name: 'Ada Admin', roles: ['Signet.Admin'], clientId: 'admin', clientSecret: secret },
  ];
  const recipients = recipientIdentityProviders(secret);
  // The sender web UI's sign-in (decision 0017): authorization code + PKCE back to /app/auth/callback.
  const publicUrl = (process.env.SIGNET_PUBLIC_URL ?? `http://127.0.0.1:${PORTS.api}`).replace(/\/+$/, '');
  const webClient = { clientId: 'signet-web', clientSecret: secret, redirectUris: [`${publicUrl}/app/auth/callback`] };
  run('oidc', process.execPath, [path.join(ROOT, 'test/oidc/local-oidc.mjs')], {
    SIGNET_LOCAL_OIDC: JSON.stringify({
      port: PORTS.oidc,
      audience: DEV_AUDIENCE,
      users,
      interactiveClients: [...recipients.clients, webClient],
    }),
  });
  await waitForPort(PORTS.oidc, 'local OpenID Connect issuer');
  return {
    SIGNET_OIDC_ISSUER: `http://127.0.0.1:${PORTS.oidc}`,
    SIGNET_OIDC_AUDIENCE: DEV_AUDIENCE,
    SIGNET_OIDC_WEB_CLIENT_ID: webClient.clientId,
    SIGNET_OIDC_WEB_CLIENT_SECRET: secret,
    // Recipients' Microsoft and strong sign-in: the same local issuer's login form.
    ...recipients.env,
  };
}

function waitForPort(port, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`${name} did not open port ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

const children = [];
let stopping = false;

function run(name, command, args, env = {}) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push({ name, child });
  return child;
}

function readEnvFile(file) {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Starts the local PKI (test/dist/dev/dev-pki.js) and returns the worker's seal variables it wrote. */
async function startDevPki() {
  const dir = path.join(DATA, 'pki');
  const envFile = path.join(dir, 'seal.env');
  run('pki', process.execPath, [path.join(ROOT, 'test/dist/dev/dev-pki.js'), dir, String(PORTS.pki)]);
  await waitForPort(PORTS.pki, 'local PKI');
  // The child writes seal.env right after it starts listening.
  for (let i = 0; i < 100 && !existsSync(envFile); i++) await new Promise((r) => setTimeout(r, 100));
  return readEnvFile(envFile);
}

async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping…');
  // Reverse order: API and worker first (they drain), servers last.
  for (const { name, child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    const exited = await Promise.race([
      new Promise((resolve) => child.once('exit', () => resolve(true))),
      new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    if (!exited) {
      console.error(`[start] ${name} did not stop in 10 s; killing it`);
      child.kill('SIGKILL');
    }
  }
  process.exit(exitCode);
}

async function main() {
  const secrets = loadSecrets();
  const temporal = path.join(ROOT, '.tools/bin/temporal');
  if (!existsSync(temporal)) throw new Error('Temporal CLI missing: run `bash scripts/install-temporal.sh`');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  run('temporal', temporal, [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(PORTS.temporal),
    '--ui-port',
    String(PORTS.temporalUi),
    '--db-filename',
    path.join(DATA, 'temporal.db'),
    '--namespace',
    'default',
    '--log-level',
    'warn',
    '--sqlite-pragma',
    'journal_mode=WAL',
    ...SEARCH_ATTRIBUTES.flatMap((sa) => ['--search-attribute', sa]),
  ]);
  run('maildev', process.execPath, [
    path.join(ROOT, 'node_modules/maildev/bin/maildev'),
    '--ip',
    '127.0.0.1',
    '--smtp',
    String(PORTS.smtp),
    '--web',
    String(PORTS.inbox),
    '--web-ip',
    '127.0.0.1',
    '--silent',
  ]);
  const [seal, oidc] = await Promise.all([
    OWN_SEAL ? {} : startDevPki(),
    OWN_OIDC ? {} : startDevOidc(secrets.SIGNET_DEV_OIDC_SECRET),
    waitForPort(PORTS.temporal, 'Temporal'),
    waitForPort(PORTS.smtp, 'MailDev'),
  ]);

  const env = {
    ...secrets,
    ...seal,
    ...oidc,
    SIGNET_DATA_DIR: DATA,
    TEMPORAL_ADDRESS: `127.0.0.1:${PORTS.temporal}`,
    SIGNET_SMTP_HOST: '127.0.0.1',
    SIGNET_SMTP_PORT: String(PORTS.smtp),
    SIGNET_API_PORT: String(PORTS.api),
  };
  run('worker', process.execPath, [path.join(ROOT, 'worker/dist/main.js')], env);
  run('api', process.execPath, [path.join(ROOT, 'api/dist/main.js')], env);
  await waitForPort(PORTS.api, 'API');

  console.log(`
Signet is running. Ctrl-C stops everything.
  API              http://127.0.0.1:${PORTS.api}/api/v1   (token: SIGNET_API_TOKEN in ${path.join(DATA, 'secrets.env')})
  Sender web UI    ${(process.env.SIGNET_PUBLIC_URL ?? `http://127.0.0.1:${PORTS.api}`).replace(/\/+$/, '')}/app${OWN_OIDC ? '   (needs SIGNET_OIDC_WEB_CLIENT_ID for your issuer)' : '   (sign in as sam@example.com = sender, ada@example.com = admin; any name)'}
  Temporal Web UI  http://127.0.0.1:${PORTS.temporalUi}
  Mail inbox       http://127.0.0.1:${PORTS.inbox}   (SMTP 127.0.0.1:${PORTS.smtp})
  Library folder   ${path.join(DATA, 'library')}
  Seal             ${OWN_SEAL ? 'your key (SIGNET_SEAL_*)' : `local development PKI, PAdES B-LT (TSA and OCSP on 127.0.0.1:${PORTS.pki})`}
  Sign-in          ${OWN_OIDC ? `your issuer ${process.env.SIGNET_OIDC_ISSUER}` : `local OpenID Connect issuer http://127.0.0.1:${PORTS.oidc} (stands in for Entra ID)`}
  Try:             npx signet send contract.pdf --to alice@example.com --to bob@example.com --subject "Contract"
`);
  if (!OWN_OIDC) {
    const secretsFile = path.join(DATA, 'secrets.env');
    console.log(`  A user's token (client "sender" = sam@example.com, "admin" = ada@example.com):
    TOKEN=$(. ${secretsFile}; curl -s -u "sender:$SIGNET_DEV_OIDC_SECRET" -d grant_type=client_credentials \\
      -d resource=${DEV_AUDIENCE} -d scope=user_impersonation http://127.0.0.1:${PORTS.oidc}/token | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token')
    curl -s http://127.0.0.1:${PORTS.api}/api/v1/envelopes -H "Authorization: Bearer $TOKEN"
`);
  }
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  void stop(1);
});
