import { config } from 'zod';

/**
 * Imported first by main.tsx. Zod compiles fast object parsers with `new Function` when it can,
 * and probes for that at the first parse; under the UI's CSP (no 'unsafe-eval') the probe is a
 * policy violation on every start. Interpreted parsing is plenty for the page's messages.
 */
config({ jitless: true });
