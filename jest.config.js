// Two projects: `unit` (no server, parallel) and `integration` (real Temporal servers, SMTP; run in band so
// the JVM test server meets its 5 s start-up window on two cores).
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/'],
};
module.exports = {
  // Suites that bundle workflows or start servers need far more than Jest's 5 s default.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{shared,workflows,worker,api,cli}/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/src/**/*.test.ts'],
    },
  ],
};
