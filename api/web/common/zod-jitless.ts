import { config } from 'zod';

// zod probes `new Function('')` whenever an object schema is built, to decide whether it may compile fast
// parsers; under the page's CSP (no 'unsafe-eval') the probe is blocked and reported as a violation even
// though zod copes. Jitless mode skips it. Every browser entry imports this first, before @signet/shared
// builds its schemas (each entry is one bundle, so import order is evaluation order).
config({ jitless: true });
