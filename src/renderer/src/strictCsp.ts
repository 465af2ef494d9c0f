import { z } from 'zod';

// The page's CSP has no 'unsafe-eval' (src/main/shell/csp.ts). zod probes for `new Function`
// before its first parse, which the CSP reports as a violation even though zod copes;
// jitless mode skips the probe and validates the same way.
z.config({ jitless: true });
