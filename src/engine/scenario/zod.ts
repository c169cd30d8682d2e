/**
 * zod, set up once for every schema of the engine. jitless: zod's fast path compiles parsers with
 * `new Function`, which the app's Content-Security-Policy forbids (no eval); zod would probe for it
 * at the first object schema, and the browser reports that probe as a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
