// Two projects: `unit` (no server, parallel) and `integration` (real Temporal servers, SMTP; run in band so
// the JVM test server meets its 5 s start-up window on two cores).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
// `cookie@2` (required by fastify's inject via light-my-request) ships ESM only; Jest's module runtime cannot
// require ESM before Node 24.9, so SWC compiles it to CommonJS. Every other package in node_modules is left as is.
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
// PGlite's CommonJS build loads Node modules with dynamic `import()`, which Jest's CommonJS runtime refuses
// ("invoked without --experimental-vm-modules"); SWC turns those into `require()`.
// `jose@6` (JWTs, api/src/auth/jose.ts) is ESM-only too: Node loads it with require(esm), Jest through SWC.
const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swc,
    '/node_modules/(.+/node_modules/)?cookie/.+\\.js$': swcJs,
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': swcJs,
    '/node_modules/jose/dist/.+\\.js$': swcJs,
  },
  transformIgnorePatterns: ['/node_modules/(?!(.+/node_modules/)?cookie/|@electric-sql/pglite/|jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/'],
};
module.exports = {
  // Suites that bundle workflows or start servers need far more than Jest's 5 s default.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,workflows,evidence,worker,api,cli}/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/src/**/*.test.ts'],
    },
  ],
};
