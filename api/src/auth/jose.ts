import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

/**
 * `jose` (JWT and JWKS). It is ESM-only since v6; this package compiles to CommonJS (`module: Node16`), where
 * TypeScript refuses a static import of an ES module (TS1479) although Node ≥ 22.12 loads it with
 * `require(esm)`. So it is required here, once, and typed from its ESM declarations. Under Jest, whose
 * CommonJS runtime cannot require ESM, jest.config.js has SWC compile jose to CommonJS.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: require(esm) of an ESM-only package
export const jose = require('jose') as typeof Jose;

export type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
