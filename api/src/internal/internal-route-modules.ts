import { registerInternalBulkSendRoutes } from '../bulk-send/internal-bulk-send-routes';
import { registerEnvelopeEventsRoute } from './envelope-events-route';
import type { InternalRoutes } from './register-internal-routes';
import { registerWebhookDeliveryRoutes } from './webhook-delivery-routes';

/** Every internal route module, in registration order. Add a module's register function here. */
export const INTERNAL_ROUTE_MODULES: InternalRoutes[] = [
  registerEnvelopeEventsRoute,
  registerWebhookDeliveryRoutes,
  registerInternalBulkSendRoutes,
];
