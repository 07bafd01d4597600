// Library entry of @signet/api: build the HTTP app in-process (integration tests, a future host process).
export { buildApp } from './app';
export type { ApiDeps } from './context';
export type { RecipientActionName, RecipientEnvelopeView, RoutingGroup } from './views/recipient-view';
export { openMigratedDatabase } from './db/open-database';
export type { Database } from './db/database';
